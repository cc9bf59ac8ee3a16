/**
 * The People card of a client's page: who from the company can sign in (with their role there),
 * and for staff who may change clients: invite someone (name, email, role in the company), resend
 * or revoke a pending invitation, link someone who already joined with the client role, and unlink
 * a person (their access ends at once).
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { InvitationView } from "../../../schema/dto/invitations";
import type { ClientPersonT } from "../../../schema/dto/portal";
import type { Result } from "../api/request";
import {
	clientInvitations,
	clientPeople,
	inviteClientPerson,
	linkCandidates,
	linkPerson,
	loadClientPeople,
	resendClientInvitation,
	revokeClientInvitation,
	unlinkPerson,
} from "../models/client-people";
import { can } from "../models/session";
import { Form, SubmitButton } from "./form-kit/form";
import { FormAlert } from "./form-kit/form-alert";
import { SelectField } from "./form-kit/select-field";
import { Field } from "./form-kit/text-field";
import { Button } from "./kit/button";
import { actOptimistically } from "./kit/optimistic";

type Report = (result: Result<unknown>, done: string) => void;

function PersonRow({ person, manage, unlink }: { person: ClientPersonT; manage: boolean; unlink: (person: ClientPersonT) => void }) {
	const confirming = useSignal(false);
	return (
		<li class="record">
			<div>
				<p class="record-title">{person.name}</p>
				<p class="record-meta">
					{person.title ? `${person.title} · ` : ""}
					{person.email}
				</p>
			</div>
			{manage && (
				<div class="button-row">
					{confirming.value ? (
						<>
							<Button
								variant="primary"
								block={false}
								size="small"
								onClick={() => {
									confirming.value = false;
									unlink(person);
								}}
							>
								Yes, unlink {person.name}
							</Button>
							<Button size="small" onClick={() => (confirming.value = false)}>
								Cancel
							</Button>
						</>
					) : (
						<Button size="small" onClick={() => (confirming.value = true)}>
							Unlink<span class="visually-hidden"> {person.name}</span>
						</Button>
					)}
				</div>
			)}
		</li>
	);
}

function InvitationRow({ clientId, invitation, report }: { clientId: string; invitation: InvitationView; report: Report }) {
	const who = invitation.name ?? invitation.email;
	return (
		<li class="record">
			<div>
				<p class="record-title">
					{who} <span class="badge">{invitation.status === "pending" ? "Invited" : "Invitation expired"}</span>
				</p>
				<p class="record-meta">
					{invitation.title ? `${invitation.title} · ` : ""}
					{invitation.email}
				</p>
			</div>
			<div class="button-row">
				<Button
					size="small"
					onClick={async () => report(await resendClientInvitation(clientId, invitation.id), `A new link was sent to ${invitation.email}.`)}
				>
					Resend<span class="visually-hidden"> the invitation to {who}</span>
				</Button>
				<Button
					size="small"
					onClick={async () =>
						report(await revokeClientInvitation(clientId, invitation.id), `The invitation to ${invitation.email} was revoked.`)
					}
				>
					Revoke<span class="visually-hidden"> the invitation to {who}</span>
				</Button>
			</div>
		</li>
	);
}

function InviteForm({ clientId, clientName, report }: { clientId: string; clientName: string; report: Report }) {
	const name = useSignal("");
	const email = useSignal("");
	const title = useSignal("");
	return (
		<Form
			aria-labelledby="invite-person-heading"
			send={() =>
				inviteClientPerson(clientId, {
					name: name.value.trim(),
					email: email.value.trim(),
					...(title.value.trim() ? { title: title.value.trim() } : {}),
				})
			}
			check={() => ({ name: name.value.trim() ? undefined : "is required", email: email.value.trim() ? undefined : "is required" })}
			onSuccess={() => {
				report({ ok: true, value: null }, `Invitation sent to ${email.value.trim()}.`);
				name.value = "";
				email.value = "";
				title.value = "";
			}}
		>
			<h3 id="invite-person-heading">Invite someone from {clientName}</h3>
			<Field id="person-name" name="name" label="Name" autoComplete="off" value={name.value} onInput={(v) => (name.value = v)} />
			<Field
				id="person-email"
				name="email"
				label="Email"
				type="email"
				verbatim
				autoComplete="off"
				value={email.value}
				onInput={(v) => (email.value = v)}
			/>
			<Field
				id="person-title"
				name="title"
				label="Role in the company (optional)"
				required={false}
				maxLength={100}
				placeholder="e.g. Marketing lead"
				value={title.value}
				onInput={(v) => (title.value = v)}
			/>
			<SubmitButton busyLabel="Sending…">Send invitation</SubmitButton>
		</Form>
	);
}

function LinkForm({ clientId, report }: { clientId: string; report: Report }) {
	const chosen = useSignal("");
	const candidates = linkCandidates.value;
	if (candidates.length === 0) return null;
	const userId = chosen.value || (candidates[0]?.userId ?? "");
	const person = candidates.find((c) => c.userId === userId);
	return (
		<Form
			class="inline-form"
			aria-label="Link someone who already joined"
			send={() => linkPerson(clientId, userId)}
			onSuccess={() => {
				report({ ok: true, value: null }, `${person?.name ?? "They"} can now see this client.`);
				chosen.value = "";
			}}
		>
			<SelectField
				id="link-person"
				name="userId"
				label="Someone who already joined"
				value={userId}
				options={candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.email})` }))}
				onChange={(value) => (chosen.value = value)}
			/>
			<SubmitButton busyLabel="Linking…">Link</SubmitButton>
		</Form>
	);
}

export function ClientPeopleCard({ clientId, clientName }: { clientId: string; clientName: string }) {
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		clientPeople.value = null;
		void loadClientPeople(clientId);
	}, [clientId]);
	const manage = can("clients:write");
	const report: Report = (result, done) => {
		failure.value = result.ok ? null : result.problem.detail;
		status.value = result.ok ? done : "";
	};
	// Unlinked people leave the list at once; a refusal brings them back (kit/optimistic.ts).
	const hidden = useSignal<ReadonlySet<string>>(new Set());
	const setHidden = (userId: string, on: boolean) => {
		const next = new Set(hidden.value);
		if (on) next.add(userId);
		else next.delete(userId);
		hidden.value = next;
	};
	const unlink = (person: ClientPersonT) =>
		void actOptimistically({
			apply: () => setHidden(person.userId, true),
			revert: () => setHidden(person.userId, false),
			send: async () => {
				const result = await unlinkPerson(clientId, person.userId);
				report(result, `${person.name} was unlinked and can no longer see this client.`);
				return result;
			},
			refused: (detail) => `Couldn't unlink ${person.name}: ${detail} They can still see this client; try again in a moment.`,
			done: {
				message: `${person.name} unlinked.`,
				undo: () => linkPerson(clientId, person.userId),
				undoRefused: (detail) => `Couldn't link ${person.name} again: ${detail} Link them from "Someone who already joined".`,
			},
		}).then(() => setHidden(person.userId, false));
	const people = clientPeople.value?.filter((p) => !hidden.value.has(p.userId)) ?? null;
	const invitations = clientInvitations.value;
	return (
		<section class="card" aria-labelledby="people-heading">
			<h2 id="people-heading">People</h2>
			<FormAlert message={failure.value} />
			<p role="status" class="status-line">
				{status.value}
			</p>
			{people === null ? (
				<div class="skeleton skeleton-line" />
			) : people.length === 0 && invitations.length === 0 ? (
				<p>No one from {clientName} can sign in yet.</p>
			) : (
				<ul class="record-list" aria-label={`People of ${clientName}`}>
					{people.map((p) => (
						<PersonRow key={p.userId} person={p} manage={manage} unlink={unlink} />
					))}
					{invitations.map((i) => (
						<InvitationRow key={i.id} clientId={clientId} invitation={i} report={report} />
					))}
				</ul>
			)}
			{manage && <InviteForm clientId={clientId} clientName={clientName} report={report} />}
			{manage && <LinkForm clientId={clientId} report={report} />}
		</section>
	);
}
