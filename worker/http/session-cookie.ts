/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure on https (and always outside development),
 * host-only so a tenant's cookie is never sent to another tenant's host.
 */
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";

export const SESSION_COOKIE = "atrium_session";

function secure(c: Context<AppEnv>): boolean {
	return c.env.ENVIRONMENT !== "development" || new URL(c.req.url).protocol === "https:";
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number): void {
	setCookie(c, SESSION_COOKIE, token, {
		httpOnly: true,
		secure: secure(c),
		sameSite: "Lax",
		path: "/",
		expires: new Date(expiresAt),
	});
}

export function clearSessionCookie(c: Context<AppEnv>): void {
	deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: secure(c), sameSite: "Lax", path: "/" });
}
