/**
 * Sessions in the Lucia design: a random token in the cookie, its SHA-256 as the row id, a 30-day
 * sliding expiry renewed when less than half remains — but never past an absolute lifetime counted
 * from sign-in (ASVS 3.3.2) — and revocation by deleting rows. Every query is scoped to the tenant
 * of the request.
 */
import { and, eq, isNotNull, lt, ne, or } from "drizzle-orm";
import { memberships, roles, sessions, totpCredentials, users } from "../../../schema/index";
import { effectivePermissions } from "../../../schema/permissions";
import type { Database, SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";
import { forgetCachedMember, SESSION_CACHE_TTL_MS, sessionCache, sessionCacheKey } from "../../lib/identity-cache";
import { generatePublicId, generateToken, tokenId } from "../../lib/tokens";
import { TtlCache } from "../../lib/ttl-cache";
import { hasPasskeySql, parsePermissionList, sessionAuthOf } from "../team/members";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * However active, a session ends this long after it was created (sign-in), and its cookie never
 * outlives that moment: renewals slide the expiry up to this bound only (docs/SECURITY.md#sessions).
 */
export const SESSION_ABSOLUTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;
/** `last_seen_at` is written at most this often, so reads stay reads. */
const LAST_SEEN_GRANULARITY_MS = 5 * 60 * 1000;

export type RequestOrigin = { ip: string | null; userAgent: string | null; place?: string | null };

export type NewSession = { id: string; publicId: string; token: string; expiresAt: number };

export async function createSession(scope: TenantScope, input: { userId: string } & RequestOrigin, now = Date.now()): Promise<NewSession> {
	const token = generateToken();
	const id = tokenId(token);
	const publicId = generatePublicId();
	const expiresAt = now + SESSION_TTL_MS;
	await scope.insert(sessions, {
		id,
		publicId,
		place: input.place ?? null,
		userId: input.userId,
		expiresAt,
		createdAt: now,
		lastSeenAt: now,
		ip: input.ip,
		userAgent: input.userAgent?.slice(0, 512) ?? null,
	});
	return { id, publicId, token, expiresAt };
}

export type ValidatedSession = { auth: SessionAuth; renewedExpiresAt: number | null };

/**
 * Token → session id (its SHA-256), remembered as long as a session stays cached: hashing in
 * JavaScript was ~6 % of a signed-in request's CPU (docs/PERFORMANCE.md). Isolate memory only.
 */
const sessionIds = new TtlCache<string, string>(SESSION_CACHE_TTL_MS, 50_000);

function sessionIdOf(token: string, now: number): string {
	let id = sessionIds.get(token, now);
	if (id === undefined) {
		id = tokenId(token);
		sessionIds.set(token, id, now);
	}
	return id;
}

/** The session a token opens on this tenant, renewed if it is past half-life; null if none or expired. */
export async function validateSessionToken(scope: TenantScope, token: string, now = Date.now()): Promise<ValidatedSession | null> {
	const id = sessionIdOf(token, now);
	const cacheKey = sessionCacheKey(scope.tenantId, id);
	const cached = sessionCache.get(cacheKey, now);
	// A cached session needs D1 only when it has expired or its expiry or last-seen time is due a write.
	if (
		cached &&
		cached.expiresAt > now &&
		(cached.expiresAt - now >= RENEW_WHEN_LEFT_MS || cached.expiresAt >= cached.absoluteExpiresAt) &&
		now - cached.lastSeenAt <= LAST_SEEN_GRANULARITY_MS
	) {
		return { auth: cached.auth, renewedExpiresAt: null };
	}
	sessionCache.delete(cacheKey);
	const [row] = await scope.db
		.select({
			expiresAt: sessions.expiresAt,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			userId: users.id,
			email: users.email,
			name: users.name,
			role: memberships.role,
			customRoleId: memberships.customRoleId,
			customPermissions: roles.permissions,
			emailVerifiedAt: users.emailVerifiedAt,
			timeZone: users.timeZone,
			locale: users.locale,
			avatarFile: users.avatarFile,
			appearance: users.appearance,
			totpConfirmedAt: totpCredentials.confirmedAt,
			hasPasskey: hasPasskeySql(sessions.userId, sessions.tenantId),
		})
		.from(sessions)
		.innerJoin(users, and(eq(users.id, sessions.userId), eq(users.tenantId, sessions.tenantId)))
		.innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.tenantId, sessions.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.leftJoin(
			totpCredentials,
			and(
				eq(totpCredentials.userId, sessions.userId),
				eq(totpCredentials.tenantId, sessions.tenantId),
				isNotNull(totpCredentials.confirmedAt),
			),
		)
		.where(scope.where(sessions, eq(sessions.id, id)))
		.limit(1);
	if (!row) return null;
	const absoluteExpiresAt = row.createdAt + SESSION_ABSOLUTE_TTL_MS;
	if (row.expiresAt <= now || absoluteExpiresAt <= now) {
		await scope.delete(sessions, eq(sessions.id, id));
		return null;
	}
	let renewedExpiresAt: number | null = null;
	let lastSeenAt = row.lastSeenAt;
	const slidTo = Math.min(now + SESSION_TTL_MS, absoluteExpiresAt);
	if (row.expiresAt - now < RENEW_WHEN_LEFT_MS && slidTo > row.expiresAt) {
		renewedExpiresAt = slidTo;
		lastSeenAt = now;
		await scope.update(sessions, { expiresAt: renewedExpiresAt, lastSeenAt: now }, eq(sessions.id, id));
	} else if (now - row.lastSeenAt > LAST_SEEN_GRANULARITY_MS) {
		lastSeenAt = now;
		await scope.update(sessions, { lastSeenAt: now }, eq(sessions.id, id));
	}
	const auth: SessionAuth = {
		...sessionAuthOf(
			{
				id: row.userId,
				email: row.email,
				name: row.name,
				role: row.role,
				customRoleId: row.customRoleId,
				permissions: effectivePermissions(row.role, parsePermissionList(row.customPermissions)),
				emailVerifiedAt: row.emailVerifiedAt,
				mfaEnabled: row.totpConfirmedAt !== null,
				hasPasskey: Boolean(row.hasPasskey),
			},
			id,
			scope.tenantId,
		),
		profile: { timeZone: row.timeZone, locale: row.locale, avatarFile: row.avatarFile, appearance: row.appearance },
	};
	sessionCache.set(
		cacheKey,
		{ auth, expiresAt: Math.min(renewedExpiresAt ?? row.expiresAt, absoluteExpiresAt), absoluteExpiresAt, lastSeenAt },
		now,
	);
	return { auth, renewedExpiresAt };
}

export async function invalidateSession(scope: TenantScope, sessionId: string): Promise<void> {
	sessionCache.delete(sessionCacheKey(scope.tenantId, sessionId));
	await scope.delete(sessions, eq(sessions.id, sessionId));
}

/** Signs a user out everywhere in the tenant (but `keepSessionId`, when given); returns how many sessions ended. */
export async function invalidateUserSessions(scope: TenantScope, userId: string, keepSessionId?: string): Promise<number> {
	const keep = keepSessionId ? ne(sessions.id, keepSessionId) : undefined;
	const deleted = await scope.delete(sessions, eq(sessions.userId, userId), keep).returning({ id: sessions.id });
	forgetCachedSessions(
		scope.tenantId,
		deleted.map((d) => d.id),
	);
	// Every other cached session of the member goes too (also ones this isolate cached from elsewhere).
	sessionCache.deleteWhere((s) => s.auth.tenantId === scope.tenantId && s.auth.user.id === userId && s.auth.sessionId !== keepSessionId);
	return deleted.length;
}

/** Drops cached lookups of sessions revoked here, so this isolate refuses them at once. */
export function forgetCachedSessions(tenantId: string, sessionIds: readonly string[]): void {
	for (const id of sessionIds) sessionCache.delete(sessionCacheKey(tenantId, id));
}

/** Drops a user's cached sessions so the next request re-reads them (role, permissions, verification or MFA changed). */
export function refreshCachedUser(tenantId: string, userId: string): void {
	forgetCachedMember(tenantId, userId);
}

/** Platform-wide housekeeping: expired sessions of every tenant, and those past their absolute lifetime. */
export async function deleteExpiredSessions(db: Database, now = Date.now()): Promise<number> {
	const deleted = await db
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.createdAt, now - SESSION_ABSOLUTE_TTL_MS)))
		.returning({ id: sessions.id });
	return deleted.length;
}
