/**
 * Per-isolate caches of the two lookups every signed-in request makes: which tenant a host is, and
 * which user a session token opens, and the tenant's security policy. Each saves a D1 round trip on the hot path.
 *
 * Bounded staleness, stated plainly: a change made through this isolate (sign-out, revoking a
 * user's sessions, a changed role or custom role, a removed member, a plan change or a new brand) takes effect here at once; other isolates see it within the TTL. Tenants: 30 s
 * (suspension, a removed custom domain). Sessions: 10 s (a session revoked elsewhere). Security policy: 30 s. Unknown hosts
 * and invalid tokens are never cached, so a new tenant or a fresh sign-in works immediately.
 */
import type { SecurityPolicy } from "../../schema/dto/account-security";
import type { HostInfo, SessionAuth } from "../env";
import { TtlCache } from "./ttl-cache";

export const HOST_CACHE_TTL_MS = 30_000;
export const SESSION_CACHE_TTL_MS = 10_000;
export const POLICY_CACHE_TTL_MS = 30_000;

/** Hostname → the platform or the tenant it serves. */
export const hostCache = new TtlCache<string, HostInfo>(HOST_CACHE_TTL_MS, 10_000);

/** A session with its user and resolved permissions; `absoluteExpiresAt` is the end no renewal passes. */
export type CachedSession = { auth: SessionAuth; expiresAt: number; absoluteExpiresAt: number; lastSeenAt: number };

/**
 * Drops the cached hosts of one agency, so its next request reads its plan and brand afresh: a plan
 * change (a downgrade that removes white label) takes effect at once in this isolate.
 */
export function forgetCachedTenantHosts(tenantId: string): void {
	hostCache.deleteWhere((host) => host.kind === "tenant" && host.tenant.id === tenantId);
}

/** `${tenantId}:${sessionId}` → the session and its user. */
export const sessionCache = new TtlCache<string, CachedSession>(SESSION_CACHE_TTL_MS, 50_000);

export function sessionCacheKey(tenantId: string, sessionId: string): string {
	return `${tenantId}:${sessionId}`;
}

/** Drops every cached session of a member, so their next request reads their role and permissions afresh. */
export function forgetCachedMember(tenantId: string, userId: string): void {
	sessionCache.deleteWhere((s) => s.auth.tenantId === tenantId && s.auth.user.id === userId);
}

/** Drops every cached session of members holding a custom role, after its permissions changed. */
export function forgetCachedRoleHolders(tenantId: string, customRoleId: string): void {
	sessionCache.deleteWhere((s) => s.auth.tenantId === tenantId && s.auth.customRoleId === customRoleId);
}

/** Tenant id → its account-security policy (unverified access, MFA requirement). */
export const policyCache = new TtlCache<string, SecurityPolicy>(POLICY_CACHE_TTL_MS, 10_000);

/** Empties every cache (tests do this with every storage reset). */
export function clearIdentityCaches(): void {
	hostCache.clear();
	sessionCache.clear();
	policyCache.clear();
}
