/** The team as signals: members, custom roles and invitations, with the actions that change them (each reloads what it touched). */
import { signal } from "@preact/signals";
import type { InvitationView } from "../../../schema/dto/invitations";
import type { MemberView } from "../../../schema/dto/members";
import type { CustomRoleView, RoleList } from "../../../schema/dto/roles";
import type { Permission, Role } from "../../../schema/permissions";
import { api } from "../api/client";
import type { ProblemView, ResponseLike } from "../api/problem";
import { type Result, send } from "../api/request";
import { can } from "./session";

export const members = signal<MemberView[] | null>(null);
export const customRoles = signal<CustomRoleView[]>([]);
export const builtInRoles = signal<RoleList["builtIn"]>([]);
export const invitations = signal<InvitationView[]>([]);
export const teamProblem = signal<ProblemView | null>(null);
/** The agency's clients, by name: whom a client-role invitation may name. */
export const clientChoices = signal<{ id: string; name: string }[]>([]);

export async function loadMembers(): Promise<void> {
	const result = await send(() => api.api.v1.members.$get());
	if (!result.ok) {
		teamProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) members.value = (await result.value.json()).members;
}

export async function loadRoles(): Promise<void> {
	if (!can("members:manage")) return;
	const result = await send(() => api.api.v1.roles.$get());
	if (result.ok && result.value.status === 200) {
		const body = await result.value.json();
		customRoles.value = body.roles;
		builtInRoles.value = body.builtIn;
	}
}

export async function loadInvitations(): Promise<void> {
	if (!can("members:manage")) return;
	const result = await send(() => api.api.v1.invitations.$get({ query: {} }));
	if (result.ok && result.value.status === 200) invitations.value = (await result.value.json()).invitations;
}

export async function loadClientChoices(): Promise<void> {
	if (!can("members:manage") || !can("clients:read")) return;
	const result = await send(() => api.api.v1.clients.$get({ query: { sort: "name", limit: "100" } }));
	if (result.ok && result.value.status === 200)
		clientChoices.value = (await result.value.json()).clients.map((c) => ({ id: c.id, name: c.name }));
}

export async function loadTeam(): Promise<void> {
	teamProblem.value = null;
	await Promise.all([loadMembers(), loadRoles(), loadInvitations(), loadClientChoices()]);
}

/** Runs a write; on success reloads with `reload`, on failure returns the problem to show. */
async function write(call: () => Promise<ResponseLike>, reload: () => Promise<void>): Promise<Result<null>> {
	const result = await send(call);
	if (!result.ok) return result;
	await reload();
	return { ok: true, value: null };
}

export function changeMember(userId: string, change: { role?: Role; customRoleId?: string | null }): Promise<Result<null>> {
	return write(() => api.api.v1.members[":userId"].$patch({ param: { userId }, json: change }), loadMembers);
}

export function removeMember(userId: string): Promise<Result<null>> {
	return write(() => api.api.v1.members[":userId"].$delete({ param: { userId } }), loadMembers);
}

export function invite(body: {
	email: string;
	role: Role;
	customRoleId?: string;
	clientId?: string;
	name?: string;
}): Promise<Result<null>> {
	return write(() => api.api.v1.invitations.$post({ json: body }), loadInvitations);
}

export function resendInvitation(id: string): Promise<Result<null>> {
	return write(() => api.api.v1.invitations[":id"].resend.$post({ param: { id } }), loadInvitations);
}

export function revokeInvitation(id: string): Promise<Result<null>> {
	return write(() => api.api.v1.invitations[":id"].$delete({ param: { id } }), loadInvitations);
}

type RoleDraft = { name: string; description: string; permissions: Permission[] };

export function createRole(body: RoleDraft): Promise<Result<null>> {
	return write(() => api.api.v1.roles.$post({ json: body }), loadRoles);
}

export function updateRole(id: string, body: RoleDraft): Promise<Result<null>> {
	return write(() => api.api.v1.roles[":id"].$patch({ param: { id }, json: body }), loadRoles);
}

export function deleteRole(id: string): Promise<Result<null>> {
	return write(() => api.api.v1.roles[":id"].$delete({ param: { id } }), loadRoles);
}
