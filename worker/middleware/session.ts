/**
 * Reads the session cookie on a tenant host and sets `auth` to the signed-in user, or null. A
 * cookie that opens nothing (forged, expired, revoked, another tenant's) is cleared.
 */
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from "../http/session-cookie";
import { tenantScope } from "../lib/db";
import { validateSessionToken } from "../services/sessions/sessions";

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export const loadSession = createMiddleware<AppEnv>(async function loadSession(c, next) {
	// Authenticated by an API key already: the cookie, if any, plays no part.
	if (c.get("auth") !== null) return next();
	const host = c.get("host");
	const token = getCookie(c, SESSION_COOKIE);
	if (token === undefined || host.kind !== "tenant") return next();
	const session = TOKEN_SHAPE.test(token) ? await validateSessionToken(tenantScope(c.get("db"), host.tenant.id), token) : null;
	if (!session) {
		clearSessionCookie(c);
		return next();
	}
	c.set("auth", session.auth);
	if (session.renewedExpiresAt !== null) setSessionCookie(c, token, session.renewedExpiresAt);
	return next();
});
