/**
 * The one authorisation helper every protected route uses: a signed-in user (or API key) on this
 * tenant whose resolved permissions (`auth.permissions`: the custom role's, else the built-in
 * role's; for a key, its scopes) include the named one. 401 when nobody is signed in, 403 when not.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Permission } from "../../schema/permissions";
import type { AppEnv, AuthContext, SessionAuth } from "../env";
import { problems } from "../lib/problem";

export function requirePermission(permission: Permission) {
	return createMiddleware<AppEnv>(async function checkPermission(c, next) {
		const auth = c.get("auth");
		if (!auth) throw problems.unauthenticated();
		if (!auth.permissions.has(permission)) throw problems.forbidden(forbiddenDetail(auth, permission));
		return next();
	});
}

function forbiddenDetail(auth: AuthContext, permission: string): string {
	if (auth.via === "api-key") return `This API key's scopes do not include ${permission}.`;
	return auth.customRoleId ? `Your role does not have ${permission}.` : `Your role (${auth.role}) does not have ${permission}.`;
}

/** Whether the request may do `permission`. */
export function can(auth: AuthContext | null, permission: Permission): boolean {
	return auth?.permissions.has(permission) ?? false;
}

/** The signed-in user or API key, for handlers behind `requirePermission`. */
export function currentAuth(c: Context<AppEnv>): AuthContext {
	const auth = c.get("auth");
	if (!auth) throw problems.unauthenticated();
	return auth;
}

/** The signed-in user of a cookie session; an API key gets 401 (account and session routes are for people). */
export function currentSession(c: Context<AppEnv>): SessionAuth {
	const auth = currentAuth(c);
	if (auth.via !== "session") throw problems.unauthenticated("API keys cannot be used here; sign in instead.");
	return auth;
}

/** Like `requirePermission`, for routes open to several permissions (e.g. all clients, or one's own client). */
export function requireAnyPermission(...permissions: Permission[]) {
	return createMiddleware<AppEnv>(async function checkAnyPermission(c, next) {
		const auth = c.get("auth");
		if (!auth) throw problems.unauthenticated();
		if (!permissions.some((permission) => auth.permissions.has(permission))) {
			throw problems.forbidden(forbiddenDetail(auth, permissions.join(" or ")));
		}
		return next();
	});
}
