/**
 * A client's people: client-role members of the tenant linked to one client. Linking a user who is
 * linked elsewhere is refused; unlinking leaves a tombstone so syncing devices learn of it. A new
 * link re-checks the person's open messaging sockets (they reopen with the client's threads); an
 * unlink ends every live channel of the person at once (sockets and assistant streams), as
 * removing a member does, since an unlinked client person may see nothing. Accepting an invitation
 * that names a client links through `linkOnAcceptance`, in the acceptance's own batch.
 */
import { and, asc, eq, isNull, notExists } from "drizzle-orm";
import { clientMembers, memberships, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { endLiveUser, type LiveChannels, recheckLiveUsers } from "../sessions/live-access";

export async function listClientPeople(scope: TenantScope, clientId: string) {
	return scope.db
		.select({ userId: users.id, name: users.name, email: users.email, title: clientMembers.title, linkedAt: clientMembers.updatedAt })
		.from(clientMembers)
		.innerJoin(users, and(eq(users.id, clientMembers.userId), eq(users.tenantId, clientMembers.tenantId)))
		.where(scope.where(clientMembers, eq(clientMembers.clientId, clientId), isNull(clientMembers.deletedAt)))
		.orderBy(users.name);
}

/** Client-role members linked to no client: whom staff may link to a client from its People card. */
export async function linkCandidates(scope: TenantScope) {
	const liveLink = scope.db
		.select({ id: clientMembers.id })
		.from(clientMembers)
		.where(and(eq(clientMembers.tenantId, scope.tenantId), eq(clientMembers.userId, memberships.userId), isNull(clientMembers.deletedAt)));
	return scope.db
		.select({ userId: users.id, name: users.name, email: users.email })
		.from(memberships)
		.innerJoin(users, and(eq(users.id, memberships.userId), eq(users.tenantId, memberships.tenantId)))
		.where(scope.where(memberships, eq(memberships.role, "client"), notExists(liveLink)))
		.orderBy(asc(users.name))
		.limit(500);
}

/** The statement linking a person who accepts an invitation naming `clientId` (a new link, a revived or moved one). */
export function linkOnAcceptance(scope: TenantScope, clientId: string, userId: string, title: string | null, now: number) {
	return scope.insert(clientMembers, { id: newId(now), clientId, userId, title, createdAt: now, updatedAt: now }).onConflictDoUpdate({
		target: [clientMembers.tenantId, clientMembers.userId],
		set: { clientId, title, deletedAt: null, updatedAt: now },
	});
}

/** Links `userId` to `clientId`; true when a new link was made, false when it already existed. */
export async function linkClientPerson(
	scope: TenantScope,
	live: LiveChannels,
	clientId: string,
	userId: string,
	now = Date.now(),
): Promise<boolean> {
	const [member] = await scope.db
		.select({ role: memberships.role })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId)))
		.limit(1);
	if (member?.role !== "client") {
		throw problems.validation([{ path: "userId", message: "must be a client-role member of your agency" }]);
	}
	const [link] = await scope.db
		.select()
		.from(clientMembers)
		.where(scope.where(clientMembers, eq(clientMembers.userId, userId)))
		.limit(1);
	if (link && link.deletedAt === null) {
		if (link.clientId === clientId) return false;
		throw problems.conflict("userId", "already belongs to another client; unlink them there first");
	}
	if (link) {
		await scope.update(clientMembers, { clientId, deletedAt: null, updatedAt: now }, eq(clientMembers.id, link.id));
	} else {
		await scope.insert(clientMembers, { id: newId(now), clientId, userId, createdAt: now, updatedAt: now });
	}
	// Sockets opened while unlinked hear nothing of this client: they close so the app reconnects with it.
	await recheckLiveUsers(live, scope.tenantId, [userId]);
	return true;
}

/** Unlinks; false when there was no live link to this client. */
export async function unlinkClientPerson(
	scope: TenantScope,
	live: LiveChannels,
	clientId: string,
	userId: string,
	now = Date.now(),
): Promise<boolean> {
	const removed = await scope
		.update(
			clientMembers,
			{ deletedAt: now, updatedAt: now },
			eq(clientMembers.clientId, clientId),
			eq(clientMembers.userId, userId),
			isNull(clientMembers.deletedAt),
		)
		.returning({ id: clientMembers.id });
	// Unlinked, they may see nothing: every live channel of theirs ends now, not at the next sweep.
	if (removed.length > 0) await endLiveUser(live, scope.tenantId, userId, { reason: "accessRemoved" });
	return removed.length > 0;
}
