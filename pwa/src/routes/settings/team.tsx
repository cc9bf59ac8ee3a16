/**
 * Team: the members with their roles (changeable and removable by those with members:manage, within
 * what they may grant), the invite form and the invitations with resend and revoke.
 */

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { MemberView } from "../../../../schema/dto/members";
import { isStaffRole, ROLES, type Role } from "../../../../schema/permissions";
import type { Result } from "../../api/request";
import { FieldShell } from "../../components/form-kit/field-shell";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { FormAlert } from "../../components/form-kit/form-alert";
import { Field } from "../../components/form-kit/text-field";
import { Button } from "../../components/kit/button";
import { byNumber, byText, type Column, DataTable } from "../../components/kit/data-table";
import { LimitPrompt, limitUsedUp, useFreshEntitlements } from "../../components/plan-gate";
import { formatDate } from "../../lib/date-format";
import { loadEntitlements } from "../../models/entitlements";
import { can, me } from "../../models/session";
import {
	changeMember,
	clientChoices,
	customRoles,
	invitations,
	invite,
	loadTeam,
	members,
	removeMember,
	resendInvitation,
	revokeInvitation,
	teamProblem,
} from "../../models/team";
import { SettingsPage } from "./settings-page";

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", staff: "Staff", client: "Client" };

/** A select value: a built-in role (`staff`) or a custom role (`custom:<id>`). */
function roleValue(member: Pick<MemberView, "role" | "customRole">): string {
	return member.customRole ? `custom:${member.customRole.id}` : member.role;
}

/** Role choices; `noSeat` marks the team-side ones unavailable when every seat of the plan is taken. */
function RoleOptions({ noSeat = false }: { noSeat?: boolean }) {
	const isOwner = me.value?.role === "owner";
	const why = (role: Role) => (role === "owner" && !isOwner ? " (owners only)" : noSeat && isStaffRole(role) ? " (no seat left)" : "");
	return (
		<>
			{ROLES.map((role) => (
				<option key={role} value={role} disabled={why(role) !== ""}>
					{ROLE_LABELS[role]}
					{why(role)}
				</option>
			))}
			{customRoles.value.map((role) => (
				<option key={role.id} value={`custom:${role.id}`} disabled={noSeat}>
					{role.name} (custom){noSeat ? " (no seat left)" : ""}
				</option>
			))}
		</>
	);
}

/** Whether a role choice (built-in or `custom:<id>`, custom roles being team-side) takes a seat. */
function takesSeat(value: string): boolean {
	return value.startsWith("custom:") || isStaffRole(value as Role);
}

function toChange(value: string, current: Role): { role?: Role; customRoleId: string | null } {
	if (value.startsWith("custom:")) return { role: current === "owner" ? "staff" : undefined, customRoleId: value.slice(7) };
	return { role: value as Role, customRoleId: null };
}

type Report = (r: Result<null>, done: string) => void;

function RoleCell({ member, report }: { member: MemberView; report: Report }) {
	const ownerLocked = member.role === "owner" && me.value?.role !== "owner";
	const selectId = `role-${member.userId}`;
	if (!can("members:manage") || ownerLocked) {
		return (
			<span title={ownerLocked ? "Only an owner can change an owner" : undefined}>
				{member.customRole?.name ?? ROLE_LABELS[member.role]}
			</span>
		);
	}
	return (
		<>
			<label class="visually-hidden" for={selectId}>
				Role of {member.name}
			</label>
			<select
				id={selectId}
				value={roleValue(member)}
				onChange={async (event) => {
					const select = event.currentTarget;
					const result = await changeMember(member.userId, toChange(select.value, member.role));
					// Refused: the list shows the role the member still has.
					if (!result.ok) select.value = roleValue(member);
					else void loadEntitlements();
					report(result, `${member.name}'s role was changed.`);
				}}
			>
				<RoleOptions noSeat={limitUsedUp("seats") && !isStaffRole(member.role)} />
			</select>
		</>
	);
}

function RemoveCell({ member, report }: { member: MemberView; report: Report }) {
	const confirming = useSignal(false);
	if (member.role === "owner" && me.value?.role !== "owner") return <span class="field-hint">Only an owner can remove an owner</span>;
	if (!confirming.value) {
		return (
			<Button variant="secondary" size="small" onClick={() => (confirming.value = true)}>
				Remove<span class="visually-hidden"> {member.name}</span>
			</Button>
		);
	}
	return (
		<span>
			<Button
				variant="primary"
				block={false}
				size="small"
				onClick={async () => {
					confirming.value = false;
					report(await removeMember(member.userId), `${member.name} was removed; their sessions have ended.`);
				}}
			>
				Yes, remove {member.name}
			</Button>{" "}
			<Button variant="secondary" size="small" onClick={() => (confirming.value = false)}>
				Cancel
			</Button>
		</span>
	);
}

/** Members, sorted client-side (the whole team is one page). */
function memberColumns(report: Report, manage: boolean): Column<MemberView>[] {
	return [
		{ key: "name", header: "Name", rowHeader: true, cell: (m) => m.name, sort: byText((m) => m.name) },
		{ key: "email", header: "Email", cell: (m) => m.email, sort: byText((m) => m.email), hideable: true },
		{ key: "role", header: "Role", cell: (m) => <RoleCell member={m} report={report} />, sort: byText(roleName) },
		{ key: "joined", header: "Joined", cell: (m) => formatDate(m.joinedAt), sort: byNumber((m) => m.joinedAt), hideable: true },
		...(manage ? [{ key: "actions", header: "Actions", cell: (m: MemberView) => <RemoveCell member={m} report={report} /> }] : []),
	];
}

function roleName(item: Pick<MemberView, "role" | "customRole">): string {
	return item.customRole?.name ?? ROLE_LABELS[item.role];
}

function InviteForm({ report }: { report: Report }) {
	const email = useSignal("");
	useFreshEntitlements();
	const noSeat = limitUsedUp("seats");
	const chosen = useSignal("staff");
	const clientId = useSignal("");
	const name = useSignal("");
	// With every seat taken, only the client side can be invited: the choice moves there.
	const role = noSeat && takesSeat(chosen.value) ? "client" : chosen.value;
	const send = () => {
		const custom = role.startsWith("custom:") ? role.slice(7) : undefined;
		// A client's person joins that client's portal: accepting links them to it.
		const client = role === "client" && clientId.value ? { clientId: clientId.value } : {};
		const named = name.value.trim() ? { name: name.value.trim() } : {};
		const chosenRole = custom ? "staff" : (role as Role);
		return invite({ email: email.value.trim(), role: chosenRole, ...(custom ? { customRoleId: custom } : {}), ...client, ...named });
	};
	return (
		<Form
			class="card"
			aria-labelledby="invite-heading"
			send={send}
			onSuccess={() => {
				void loadEntitlements();
				report({ ok: true, value: null }, `Invitation sent to ${email.value.trim()}.`);
				email.value = "";
				name.value = "";
			}}
		>
			<h2 id="invite-heading">Invite someone</h2>
			{noSeat && <LimitPrompt limit="seats" what="team seats" extra=" You can still invite clients." />}
			<Field
				id="invite-email"
				name="email"
				label="Email"
				type="email"
				autoComplete="off"
				value={email.value}
				onInput={(value) => (email.value = value)}
			/>
			<FieldShell id="invite-role" name="role" label="Role">
				{(control) => (
					<select {...control} value={role} onChange={(e) => (chosen.value = e.currentTarget.value)}>
						<RoleOptions noSeat={noSeat} />
					</select>
				)}
			</FieldShell>
			{role === "client" && (
				<FieldShell
					id="invite-client"
					name="clientId"
					label="Client company"
					hint="They see this client's projects, documents and messages once they join."
				>
					{(control) => (
						<select {...control} value={clientId.value} onChange={(e) => (clientId.value = e.currentTarget.value)}>
							<option value="">Choose later (link them from the client's page)</option>
							{clientChoices.value.map((c) => (
								<option key={c.id} value={c.id}>
									{c.name}
								</option>
							))}
						</select>
					)}
				</FieldShell>
			)}
			<Field
				id="invite-name"
				name="name"
				label="Name (optional)"
				required={false}
				autoComplete="off"
				value={name.value}
				onInput={(value) => (name.value = value)}
			/>
			<SubmitButton busyLabel="Sending…">Send invitation</SubmitButton>
		</Form>
	);
}

type Invitation = (typeof invitations.value)[number];

/** Open invitations, sorted client-side (one page); select some to revoke them together. */
function Invitations({ report }: { report: Report }) {
	const open = invitations.value.filter((i) => i.status === "pending" || i.status === "expired");
	const revokeAll = async (chosen: readonly Invitation[], clear: () => void) => {
		const pending = chosen.filter((i) => i.status === "pending");
		const results = await Promise.all(pending.map((i) => revokeInvitation(i.id)));
		const failed = results.find((r) => !r.ok);
		clear();
		const count = pending.length;
		report(failed ?? { ok: true, value: null }, `${count} ${count === 1 ? "invitation was" : "invitations were"} revoked.`);
	};
	return (
		<section class="card" aria-labelledby="invitations-heading">
			<h2 id="invitations-heading">Invitations</h2>
			<DataTable
				id="team-invitations"
				caption="Open invitations"
				rows={open}
				rowKey={(i) => i.id}
				empty="No open invitations."
				select={{
					label: (i) => i.email,
					actions: (chosen, clear) => (
						<Button
							variant="secondary"
							size="small"
							disabled={!chosen.some((i) => i.status === "pending")}
							onClick={() => void revokeAll(chosen, clear)}
						>
							Revoke selected
						</Button>
					),
				}}
				columns={[
					{ key: "email", header: "Email", cell: (i) => i.email, sort: byText((i) => i.email) },
					{ key: "role", header: "Role", cell: roleName, sort: byText(roleName), hideable: true },
					{ key: "status", header: "Status", cell: (i) => (i.status === "pending" ? "Pending" : "Expired"), sort: byText((i) => i.status) },
					{ key: "expires", header: "Expires", cell: (i) => formatDate(i.expiresAt), sort: byNumber((i) => i.expiresAt), hideable: true },
					{
						key: "actions",
						header: "Actions",
						cell: (i) => (
							<>
								<Button
									variant="secondary"
									size="small"
									onClick={async () => report(await resendInvitation(i.id), `A new link was sent to ${i.email}.`)}
								>
									Resend<span class="visually-hidden"> to {i.email}</span>
								</Button>{" "}
								{i.status === "pending" && (
									<Button
										variant="secondary"
										size="small"
										onClick={async () => report(await revokeInvitation(i.id), `The invitation to ${i.email} was revoked.`)}
									>
										Revoke<span class="visually-hidden"> invitation to {i.email}</span>
									</Button>
								)}
							</>
						),
					},
				]}
			/>
		</section>
	);
}

export default function Team() {
	const status = useSignal("");
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void loadTeam();
	}, []);
	const report = (result: Result<null>, done: string) => {
		failure.value = result.ok ? null : result.problem.detail;
		status.value = result.ok ? done : "";
	};
	const manage = can("members:manage");
	return (
		<SettingsPage path="/settings/team">
			<FormAlert message={failure.value ?? teamProblem.value?.detail ?? null} />
			<p role="status" class="status-line">
				{status.value}
			</p>
			{!manage && (
				<p class="field-hint">You can see the team. Changing roles, removing members and inviting people is for owners and admins.</p>
			)}
			<section class="card" aria-labelledby="members-heading">
				<h2 id="members-heading">Members</h2>
				<DataTable
					id="team-members"
					caption="Members"
					rows={members.value}
					rowKey={(member) => member.userId}
					empty="No members."
					columns={memberColumns(report, manage)}
				/>
			</section>
			{manage && <InviteForm report={report} />}
			{manage && <Invitations report={report} />}
		</SettingsPage>
	);
}
