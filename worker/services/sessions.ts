/**
 * Sessions in the Lucia design: a random token in the cookie, its SHA-256 as the row id, a 30-day
 * sliding expiry renewed when less than half remains, and revocation by deleting rows. Every
 * query is scoped to the tenant of the request.
 */
import { and, eq, lt } from "drizzle-orm";
import { memberships, roles, sessions, users } from "../../schema/index";
import { effectivePermissions } from "../../schema/permissions";
import type { Database, SessionAuth } from "../env";
import type { TenantScope } from "../lib/db";
import { forgetCachedMember, sessionCache, sessionCacheKey } from "../lib/identity-cache";
import { generateToken, tokenId } from "../lib/tokens";
import { parsePermissionList } from "./members";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;
/** `last_seen_at` is written at most this often, so reads stay reads. */
const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;

export type RequestOrigin = { ip: string | null; userAgent: string | null };

export type NewSession = { id: string; token: string; expiresAt: number };

export async function createSession(scope: TenantScope, input: { userId: string } & RequestOrigin, now = Date.now()): Promise<NewSession> {
	const token = generateToken();
	const id = tokenId(token);
	const expiresAt = now + SESSION_TTL_MS;
	await scope.insert(sessions, {
		id,
		userId: input.userId,
		expiresAt,
		createdAt: now,
		lastSeenAt: now,
		ip: input.ip,
		userAgent: input.userAgent?.slice(0, 512) ?? null,
	});
	return { id, token, expiresAt };
}

export type ValidatedSession = { auth: SessionAuth; renewedExpiresAt: number | null };

/** The session a token opens on this tenant, renewed if it is past half-life; null if none or expired. */
export async function validateSessionToken(scope: TenantScope, token: string, now = Date.now()): Promise<ValidatedSession | null> {
	const id = tokenId(token);
	const cacheKey = sessionCacheKey(scope.tenantId, id);
	const cached = sessionCache.get(cacheKey, now);
	// A cached session needs D1 only when it has expired or its expiry or last-seen time is due a write.
	if (
		cached &&
		cached.expiresAt > now &&
		cached.expiresAt - now >= RENEW_WHEN_LEFT_MS &&
		now - cached.lastSeenAt <= LAST_SEEN_GRANULARITY_MS
	) {
		return { auth: cached.auth, renewedExpiresAt: null };
	}
	sessionCache.delete(cacheKey);
	const [row] = await scope.db
		.select({
			expiresAt: sessions.expiresAt,
			lastSeenAt: sessions.lastSeenAt,
			userId: users.id,
			email: users.email,
			name: users.name,
			role: memberships.role,
			customRoleId: memberships.customRoleId,
			customPermissions: roles.permissions,
		})
		.from(sessions)
		.innerJoin(users, and(eq(users.id, sessions.userId), eq(users.tenantId, sessions.tenantId)))
		.innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.tenantId, sessions.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.where(scope.where(sessions, eq(sessions.id, id)))
		.limit(1);
	if (!row) return null;
	if (row.expiresAt <= now) {
		await scope.delete(sessions, eq(sessions.id, id));
		return null;
	}
	let renewedExpiresAt: number | null = null;
	let lastSeenAt = row.lastSeenAt;
	if (row.expiresAt - now < RENEW_WHEN_LEFT_MS) {
		renewedExpiresAt = now + SESSION_TTL_MS;
		lastSeenAt = now;
		await scope.update(sessions, { expiresAt: renewedExpiresAt, lastSeenAt: now }, eq(sessions.id, id));
	} else if (now - row.lastSeenAt > LAST_SEEN_GRANULARITY_MS) {
		lastSeenAt = now;
		await scope.update(sessions, { lastSeenAt: now }, eq(sessions.id, id));
	}
	const auth: SessionAuth = {
		via: "session",
		sessionId: id,
		tenantId: scope.tenantId,
		user: { id: row.userId, email: row.email, name: row.name },
		role: row.role,
		customRoleId: row.customRoleId,
		permissions: effectivePermissions(row.role, parsePermissionList(row.customPermissions)),
	};
	sessionCache.set(cacheKey, { auth, expiresAt: renewedExpiresAt ?? row.expiresAt, lastSeenAt }, now);
	return { auth, renewedExpiresAt };
}

export async function invalidateSession(scope: TenantScope, sessionId: string): Promise<void> {
	sessionCache.delete(sessionCacheKey(scope.tenantId, sessionId));
	await scope.delete(sessions, eq(sessions.id, sessionId));
}

/** Signs a user out everywhere in the tenant: their rows and this isolate's cached copies go at once. */
export async function invalidateUserSessions(scope: TenantScope, userId: string): Promise<void> {
	forgetCachedMember(scope.tenantId, userId);
	await scope.delete(sessions, eq(sessions.userId, userId));
}

/** Platform-wide housekeeping: expired sessions of every tenant. */
export async function deleteExpiredSessions(db: Database, now = Date.now()): Promise<number> {
	const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
	return deleted.length;
}
