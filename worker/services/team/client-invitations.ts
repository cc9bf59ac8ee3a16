/**
 * A client's people invited from the client's page: staff who may change clients (`clients:write`)
 * invite someone by name, email and role in the company; they join with the client role, linked to
 * that client on acceptance. The client role sees only its own client, so this needs no team
 * privileges, but it never reaches a member of the team (that would demote them) nor someone who
 * already belongs to a client. The client's pending invitations are listed, resent and revoked here
 * too, each only through its own client (another client's invitation is "not found").
 */
import type { InvitationView, InviteClientPersonBody } from "../../../schema/dto/invitations";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { normalizeEmail } from "../auth/sign-up";
import { linkedClientId } from "../portal/client-access";
import { closeInvitation, findInvitation, type InvitationDeps, issueInvitation, listInvitations, renewLink } from "./invitations";
import { findMemberByEmail } from "./members";

export async function inviteClientPerson(
	deps: InvitationDeps,
	clientId: string,
	body: InviteClientPersonBody,
	now = Date.now(),
): Promise<InvitationView> {
	const { scope } = deps;
	const member = await findMemberByEmail(scope, normalizeEmail(body.email));
	if (member && member.role !== "client") {
		throw problems.conflict("email", "belongs to a member of your team; a client's person needs their own address");
	}
	if (member) {
		const linked = await linkedClientId(scope, member.id);
		if (linked === clientId) throw problems.conflict("email", "is already one of this client's people");
		if (linked !== null) throw problems.conflict("email", "already belongs to another client; unlink them there first");
	}
	const fields = { email: body.email, role: "client" as const, customRoleId: null, clientId, name: body.name, title: body.title || null };
	return issueInvitation(deps, fields, null, now);
}

/** The client's open invitations (pending or expired), newest first. */
export async function listClientInvitations(scope: TenantScope, clientId: string, now = Date.now()): Promise<InvitationView[]> {
	const all = await listInvitations(scope, undefined, now);
	return all.filter((i) => i.clientId === clientId && (i.status === "pending" || i.status === "expired"));
}

/** The invitation `id` if it names `clientId`; otherwise 404, as for an invitation that does not exist. */
async function invitationOfClient(scope: TenantScope, clientId: string, id: string) {
	const found = await findInvitation(scope, id);
	if (found.row.clientId !== clientId || found.row.role !== "client")
		throw problems.notFound("There is no such invitation for this client.");
	return found;
}

export async function resendClientInvitation(
	deps: InvitationDeps,
	clientId: string,
	id: string,
	now = Date.now(),
): Promise<InvitationView> {
	return renewLink(deps, await invitationOfClient(deps.scope, clientId, id), now);
}

export async function revokeClientInvitation(deps: InvitationDeps, clientId: string, id: string, now = Date.now()): Promise<void> {
	await closeInvitation(deps, (await invitationOfClient(deps.scope, clientId, id)).row, now);
}
