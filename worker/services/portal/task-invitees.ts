/**
 * Tasks that wait for a pending invitee: staff may assign a task to someone invited but not yet
 * joined (to the team, or to the project's client). The task keeps the invitation's id; accepting
 * the invitation hands it to the new member's user in the same batch as the account, and revoking
 * the invitation gives it back to nobody. Assigning the task to anyone else ends the wait.
 */
import { and, eq, gt, isNull, ne, or } from "drizzle-orm";
import { invitations, tasks } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";

/** Pending invitations whose invitee a task of `clientId` may wait for: team-side ones and this client's. */
function assignableInvitations(scope: TenantScope, clientId: string, now: number) {
	return scope.where(
		invitations,
		isNull(invitations.acceptedAt),
		isNull(invitations.revokedAt),
		gt(invitations.expiresAt, now),
		or(ne(invitations.role, "client"), eq(invitations.clientId, clientId)),
	);
}

/** The pending invitees a task of `clientId` may be assigned to, by name (their email when none was given). */
export async function inviteesFor(scope: TenantScope, clientId: string, now = Date.now()) {
	const rows = await scope.db
		.select({ invitationId: invitations.id, name: invitations.name, email: invitations.email, role: invitations.role })
		.from(invitations)
		.where(assignableInvitations(scope, clientId, now))
		.limit(200);
	return rows
		.map((r) => ({
			invitationId: r.invitationId,
			name: r.name ?? r.email,
			email: r.email,
			side: r.role === "client" ? ("client" as const) : ("agency" as const),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** 422 naming `assigneeInvitationId` unless it is a pending invitation a task of `clientId` may wait for. */
export async function assertInviteeAssignable(scope: TenantScope, clientId: string, invitationId: string, now = Date.now()): Promise<void> {
	const [row] = await scope.db
		.select({ id: invitations.id })
		.from(invitations)
		.where(and(assignableInvitations(scope, clientId, now), eq(invitations.id, invitationId)))
		.limit(1);
	if (!row) {
		throw problems.validation([
			{ path: "assigneeInvitationId", message: "must be a pending invitation to your team or to this client's people" },
		]);
	}
}

/** The statement that gives the tasks waiting for `invitationId` to `userId` (run with the acceptance). */
export function handOverWaitingTasks(scope: TenantScope, invitationId: string, userId: string, now: number) {
	return scope.update(
		tasks,
		{ assigneeUserId: userId, assigneeInvitationId: null, updatedAt: now },
		eq(tasks.assigneeInvitationId, invitationId),
	);
}

/** The statement that gives the tasks waiting for a revoked invitation back to nobody. */
export function releaseWaitingTasks(scope: TenantScope, invitationId: string, now: number) {
	return scope.update(tasks, { assigneeInvitationId: null, updatedAt: now }, eq(tasks.assigneeInvitationId, invitationId));
}
