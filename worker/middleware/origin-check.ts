/**
 * CSRF defence for writes. A write whose Origin is another site is refused; a write that carries
 * the session cookie must say where it comes from (Origin), as every browser does for fetch().
 * A write with `Authorization: Bearer` is an API-key request: the key, not the cookie, authenticates
 * it (the cookie is ignored), and a browser cannot attach that header cross-site, so it needs no Origin.
 */
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { SESSION_COOKIE } from "../http/session-cookie";
import { Problem } from "../lib/problem";
import { bearerOf } from "./api-key";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const originCheck = createMiddleware<AppEnv>(async function originCheck(c, next) {
	if (SAFE_METHODS.has(c.req.method)) return next();
	const origin = c.req.header("Origin");
	const expected = new URL(c.req.url).origin;
	if (origin !== undefined && origin !== expected) {
		throw new Problem(403, "cross-origin", "Cross-site request refused", `Requests from ${origin} may not change data here.`);
	}
	if (origin === undefined && getCookie(c, SESSION_COOKIE) !== undefined && bearerOf(c.req.header("Authorization")) === null) {
		throw new Problem(403, "cross-origin", "Cross-site request refused", "Signed-in writes must carry an Origin header.");
	}
	return next();
});
