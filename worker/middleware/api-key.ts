/**
 * `Authorization: Bearer atr_…` on a tenant's API: the request acts as the key (its scopes, actor
 * `api-key:<prefix>`), rate-limited per key in the tenant's TenantGate. A Bearer request never
 * falls back to the session cookie: a bad, revoked or expired key is 401. Keys do not work on the
 * platform host, nor on sign-in, account and invitation-acceptance routes, which are for people.
 */
import { createMiddleware } from "hono/factory";
import { RATE_RULES } from "../../schema/rate-limits";
import type { AppEnv } from "../env";
import { requestOrigin } from "../http/request-origin";
import { tenantScope } from "../lib/db";
import { Problem, problems } from "../lib/problem";
import { assertFeature } from "../services/billing/entitlements";
import { retryAfterSeconds, takeTokens } from "../services/security/rate-limits";
import { authenticateApiKey } from "../services/team/api-keys";

/** Paths (each with everything below it) where only a person's session counts. */
export const SESSION_ONLY_PATHS = ["/api/v1/auth", "/api/v1/me", "/api/v1/invitations/accept"] as const;

export function isSessionOnlyPath(path: string): boolean {
	return SESSION_ONLY_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** The Bearer credential of a request, or null when it sent none. */
export function bearerOf(authorization: string | undefined): string | null {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
	return match?.[1] ?? null;
}

function invalidKey(detail: string): Problem {
	return new Problem(401, "invalid-api-key", "The API key was refused", detail, {
		headers: { "WWW-Authenticate": 'Bearer realm="atrium"' },
	});
}

export const loadApiKey = createMiddleware<AppEnv>(async function loadApiKey(c, next) {
	// Other schemes (Basic auth of a staging proxy, say) are not ours to judge.
	const key = bearerOf(c.req.header("Authorization"));
	if (key === null) return next();
	const host = c.get("host");
	if (host.kind !== "tenant") throw invalidKey("API keys work on an agency's address only.");
	if (isSessionOnlyPath(c.req.path)) throw problems.unauthenticated("API keys cannot be used here; sign in instead.");
	const { ip } = requestOrigin(c);
	const scope = tenantScope(c.get("db"), host.tenant.id);
	const auth = await authenticateApiKey(scope, key, ip);
	if (!auth) throw invalidKey("This API key is unknown here, revoked or expired.");
	// A key outlives a downgrade, but the API access it gives is a plan feature.
	await assertFeature(scope, "api_access");
	const limit = await takeTokens(c.env.TENANT_GATE, host.tenant.id, [
		{ key: `api-key:${auth.apiKey.id}`, rule: RATE_RULES.apiKeyRequests },
	]);
	if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), "Too many requests with this API key. Slow down.");
	c.set("auth", auth);
	return next();
});
