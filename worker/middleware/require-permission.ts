/**
 * The one authorisation helper every protected route uses: a signed-in user on this tenant whose
 * role grants the named permission. 401 when nobody is signed in, 403 when the role does not allow it.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Permission, roleCan } from "../../schema/permissions";
import type { AppEnv, AuthContext } from "../env";
import { problems } from "../lib/problem";

export function requirePermission(permission: Permission) {
	return createMiddleware<AppEnv>(async function checkPermission(c, next) {
		const auth = c.get("auth");
		if (!auth) throw problems.unauthenticated();
		if (!roleCan(auth.role, permission)) throw problems.forbidden(`Your role (${auth.role}) does not have ${permission}.`);
		return next();
	});
}

/** The signed-in user, for handlers behind `requirePermission`. */
export function currentAuth(c: Context<AppEnv>): AuthContext {
	const auth = c.get("auth");
	if (!auth) throw problems.unauthenticated();
	return auth;
}

/** Like `requirePermission`, for routes open to several permissions (e.g. all clients, or one's own client). */
export function requireAnyPermission(...permissions: Permission[]) {
	return createMiddleware<AppEnv>(async function checkAnyPermission(c, next) {
		const auth = c.get("auth");
		if (!auth) throw problems.unauthenticated();
		if (!permissions.some((permission) => roleCan(auth.role, permission))) {
			throw problems.forbidden(`Your role (${auth.role}) has none of ${permissions.join(", ")}.`);
		}
		return next();
	});
}
