/**
 * One way to declare a route behind a permission. `protectedRoute({ method, path, permission, … })`
 * is `createRoute` plus what every protected route shares, so route files stop repeating it: the
 * permission check (requirePermission, or requireAnyPermission for a list), the security schemes a
 * caller may use (a session cookie or an API key, registered by mountApiDocs), and the standard
 * problem responses — 401 not signed in, 403 naming the permission (and, on writes, the cross-site
 * refusal), 422 naming each bad field. Writes add BODY_ERRORS (400, 413…) themselves. A
 * route's own `responses` come after and win (a more precise 403 or 422 text, its 404 and 409).
 */
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Permission } from "../../schema/permissions";
import { requireAnyPermission, requirePermission } from "../middleware/require-permission";
import { problemContent } from "./openapi-responses";

/** The security schemes of the OpenAPI document (registered in worker/routes/docs/docs.index.ts). */
export const SECURITY_SCHEMES = {
	sessionCookie: {
		type: "apiKey",
		in: "cookie",
		name: "atrium_session",
		description: "A signed-in session (the PWA); cookie writes must come from the agency's own origin.",
	},
	apiKey: {
		type: "http",
		scheme: "bearer",
		description: "An API key (`Authorization: Bearer atr_…`) whose scopes include the route's permission.",
	},
} as const;

/** Either a session or an API key (OpenAPI: alternatives are separate entries). */
const SECURITY: { [scheme: string]: string[] }[] = [{ sessionCookie: [] }, { apiKey: [] }];

/** The problem responses every protected route can answer with. */
export function protectedErrors(permissions: readonly Permission[], method: string) {
	// Cookie-authenticated writes also check Origin (CSRF): a cross-site one is refused with 403 too.
	const crossSite = method === "get" ? "" : ", or a cross-site request was refused";
	return {
		401: problemContent("Not signed in"),
		403: problemContent(`Your role (or API key) does not have ${permissions.join(" or ")}${crossSite}`),
		422: problemContent("A field or parameter is invalid; `errors` names each one"),
	} as const;
}

type ProtectedRouteConfig = Omit<RouteConfig, "path" | "middleware" | "security"> & {
	path: string;
	/** The permission the caller needs; a list means any one of them. */
	permission: Permission | readonly Permission[];
};

export function protectedRoute<const P extends string, const R extends ProtectedRouteConfig & { path: P }>(config: R) {
	const { permission, responses, ...route } = config;
	const permissions: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
	const check =
		permissions.length === 1 && typeof permission === "string" ? requirePermission(permission) : requireAnyPermission(...permissions);
	return createRoute({
		...(route as Omit<R, "permission" | "responses">),
		path: config.path,
		middleware: [check] as const,
		security: SECURITY,
		responses: { ...protectedErrors(permissions, config.method), ...(responses as R["responses"]) },
	});
}
