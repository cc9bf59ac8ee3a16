/** A user's own sessions as the account page lists them, and revoking them (one, or all but this one). */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { SessionView } from "../../schema/dto/account-security";
import { sessions } from "../../schema/index";
import type { TenantScope } from "../lib/db";
import { generatePublicId } from "../lib/tokens";
import { describeUserAgent, deviceLabel } from "../lib/user-agent";
import { forgetCachedSessions, invalidateUserSessions } from "./sessions";

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

/** Revokes one of the user's sessions by its public id; the hash-keyed id it had, or null when it is not theirs. */
export async function revokeSession(scope: TenantScope, userId: string, publicId: string): Promise<string | null> {
	const [deleted] = await scope
		.delete(sessions, and(eq(sessions.userId, userId), eq(sessions.publicId, publicId)))
		.returning({ id: sessions.id });
	if (!deleted) return null;
	forgetCachedSessions(scope.tenantId, [deleted.id]);
	return deleted.id;
}

/** Revokes every session of the user but the current one; how many ended. */
export function revokeOtherSessions(scope: TenantScope, userId: string, currentSessionId: string): Promise<number> {
	return invalidateUserSessions(scope, userId, currentSessionId);
}
