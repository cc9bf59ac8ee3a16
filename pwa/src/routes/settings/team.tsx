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

function MemberRow({ member, report }: { member: MemberView; report: (r: Result<null>, done: string) => void }) {
	const confirming = useSignal(false);
	const manage = can("members:manage");
	const ownerLocked = member.role === "owner" && me.value?.role !== "owner";
	const selectId = `role-${member.userId}`;
	return (
		<tr>
			<td>{member.name}</td>
			<td>{member.email}</td>
			<td>
				{manage && !ownerLocked ? (
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
				) : (
					<span title={ownerLocked ? "Only an owner can change an owner" : undefined}>
						{member.customRole?.name ?? ROLE_LABELS[member.role]}
					</span>
				)}
			</td>
			<td>{formatDate(member.joinedAt)}</td>
			{manage && (
				<td>
					{ownerLocked ? (
						<span class="field-hint">Only an owner can remove an owner</span>
					) : confirming.value ? (
						<span>
							<button
								type="button"
								class="button small"
								onClick={async () => {
									confirming.value = false;
									report(await removeMember(member.userId), `${member.name} was removed; their sessions have ended.`);
								}}
							>
								Yes, remove {member.name}
							</button>{" "}
							<button type="button" class="button small secondary" onClick={() => (confirming.value = false)}>
								Cancel
							</button>
						</span>
					) : (
						<button type="button" class="button small secondary" onClick={() => (confirming.value = true)}>
							Remove<span class="visually-hidden"> {member.name}</span>
						</button>
					)}
				</td>
			)}
		</tr>
	);
}

function InviteForm({ report }: { report: (r: Result<null>, done: string) => void }) {
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

function Invitations({ report }: { report: (r: Result<null>, done: string) => void }) {
	const open = invitations.value.filter((i) => i.status === "pending" || i.status === "expired");
	return (
		<section class="card" aria-labelledby="invitations-heading">
			<h2 id="invitations-heading">Invitations</h2>
			{open.length === 0 ? (
				<p>No open invitations.</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">Email</th>
							<th scope="col">Role</th>
							<th scope="col">Status</th>
							<th scope="col">Expires</th>
							<th scope="col">Actions</th>
						</tr>
					</thead>
					<tbody>
						{open.map((i) => (
							<tr key={i.id}>
								<td>{i.email}</td>
								<td>{i.customRole?.name ?? ROLE_LABELS[i.role]}</td>
								<td>{i.status === "pending" ? "Pending" : "Expired"}</td>
								<td>{formatDate(i.expiresAt)}</td>
								<td>
									<button
										type="button"
										class="button small secondary"
										onClick={async () => report(await resendInvitation(i.id), `A new link was sent to ${i.email}.`)}
									>
										Resend<span class="visually-hidden"> to {i.email}</span>
									</button>{" "}
									{i.status === "pending" && (
										<button
											type="button"
											class="button small secondary"
											onClick={async () => report(await revokeInvitation(i.id), `The invitation to ${i.email} was revoked.`)}
										>
											Revoke<span class="visually-hidden"> invitation to {i.email}</span>
										</button>
									)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
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
				{members.value === null ? (
					<div class="skeleton skeleton-line" />
				) : (
					<table>
						<thead>
							<tr>
								<th scope="col">Name</th>
								<th scope="col">Email</th>
								<th scope="col">Role</th>
								<th scope="col">Joined</th>
								{manage && <th scope="col">Actions</th>}
							</tr>
						</thead>
						<tbody>
							{members.value.map((member) => (
								<MemberRow key={member.userId} member={member} report={report} />
							))}
						</tbody>
					</table>
				)}
			</section>
			{manage && <InviteForm report={report} />}
			{manage && <Invitations report={report} />}
		</SettingsPage>
	);
}
