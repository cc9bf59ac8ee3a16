/**
 * A user's own sessions as the account page lists them, and ending them: signing out, revoking one,
 * or all but this one. Each also ends the live channels (messaging sockets, assistant streams) of
 * the sessions it ends, in the same call.
 */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { SessionView } from "../../../schema/dto/account-security";
import { sessions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { generatePublicId } from "../../lib/tokens";
import { describeUserAgent, deviceLabel } from "../../lib/user-agent";
import { endLiveSessions, endLiveUser, type LiveChannels } from "./live-access";
import { forgetCachedSessions, invalidateSession, invalidateUserSessions } from "./sessions";

export function deviceView(userAgent: string | null): SessionView["device"] {
	const description = describeUserAgent(userAgent);
	return { ...description, label: deviceLabel(description) };
}

/** Live sessions of the user, most recently active first; `current` marks the one making the request. */
export async function listSessions(scope: TenantScope, userId: string, currentSessionId: string, now = Date.now()): Promise<SessionView[]> {
	await givePublicIds(scope, userId);
	const rows = await scope.db
		.select({
			id: sessions.id,
			publicId: sessions.publicId,
			userAgent: sessions.userAgent,
			place: sessions.place,
			ip: sessions.ip,
			lastSeenAt: sessions.lastSeenAt,
			createdAt: sessions.createdAt,
		})
		.from(sessions)
		.where(scope.where(sessions, eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
		.orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
	return rows.map((row) => ({
		id: row.publicId ?? "",
		device: deviceView(row.userAgent),
		place: row.place,
		ip: row.ip,
		lastSeenAt: row.lastSeenAt,
		createdAt: row.createdAt,
		current: row.id === currentSessionId,
	}));
}

/** Sessions opened before public ids existed get one the first time they are listed. */
async function givePublicIds(scope: TenantScope, userId: string): Promise<void> {
	const missing = await scope.db
		.select({ id: sessions.id })
		.from(sessions)
		.where(scope.where(sessions, eq(sessions.userId, userId), isNull(sessions.publicId)));
	for (const row of missing)
		await scope.update(sessions, { publicId: generatePublicId() }, eq(sessions.id, row.id), isNull(sessions.publicId));
}

/** Signs the session out: its row and cached lookups go, and its open sockets and streams close. */
export async function signOutSession(scope: TenantScope, live: LiveChannels, sessionId: string): Promise<void> {
	await invalidateSession(scope, sessionId);
	await endLiveSessions(live, scope.tenantId, [sessionId]);
}

/** Revokes one of the user's sessions by its public id; the hash-keyed id it had, or null when it is not theirs. */
export async function revokeSession(scope: TenantScope, live: LiveChannels, userId: string, publicId: string): Promise<string | null> {
	const [deleted] = await scope
		.delete(sessions, and(eq(sessions.userId, userId), eq(sessions.publicId, publicId)))
		.returning({ id: sessions.id });
	if (!deleted) return null;
	forgetCachedSessions(scope.tenantId, [deleted.id]);
	await endLiveSessions(live, scope.tenantId, [deleted.id]);
	return deleted.id;
}

/** Revokes every session of the user but the current one; how many ended. */
export async function revokeOtherSessions(
	scope: TenantScope,
	live: LiveChannels,
	userId: string,
	currentSessionId: string,
): Promise<number> {
	const revoked = await invalidateUserSessions(scope, userId, currentSessionId);
	await endLiveUser(live, scope.tenantId, userId, { reason: "sessionEnded", exceptSessionId: currentSessionId });
	return revoked;
}
