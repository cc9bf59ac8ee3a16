/** Handlers of the authentication routes: thin glue between HTTP and the auth services. */
import type { RouteHandler } from "@hono/zod-openapi";
import type { MeResponse, TenantSummary } from "../../../schema/dto/auth";
import { sortPermissions } from "../../../schema/permissions";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { AppEnv, AuthContext } from "../../env";
import { tenantScope } from "../../lib/db";
import { requirePlatformHost, tenantOf } from "../../lib/host-guards";
import { tenantBaseUrl } from "../../lib/hosts";
import { enqueue } from "../../lib/jobs";
import { problems } from "../../lib/problem";
import { requestOrigin } from "../../lib/request-origin";
import { clearSessionCookie, setSessionCookie } from "../../lib/session-cookie";
import { redeemHandoff } from "../../services/auth/hand-off";
import { signInWithPassword } from "../../services/auth/sign-in";
import { signUpAgency } from "../../services/auth/sign-up";
import { PLATFORM_GATE, retryAfterSeconds, takeTokens } from "../../services/rate-limits";
import { invalidateSession } from "../../services/sessions";
import type * as routes from "./auth.routes";

export function toMe(auth: AuthContext, tenant: TenantSummary): MeResponse {
	return {
		user: auth.user,
		tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
		role: auth.role,
		permissions: sortPermissions(auth.permissions),
	};
}

export const signup: RouteHandler<typeof routes.signup, AppEnv> = async (c) => {
	requirePlatformHost(c);
	const body = c.req.valid("json");
	const { ip } = requestOrigin(c);
	const limit = await takeTokens(c.env.TENANT_GATE, PLATFORM_GATE, [
		{ key: `sign-up:ip:${ip ?? "unknown"}`, rule: RATE_RULES.signUpPerIp },
	]);
	if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), "Too many sign-ups from this address. Try again later.");

	const result = await signUpAgency(c.get("db"), { ...body, platformDomain: c.env.PLATFORM_DOMAIN });
	const url = tenantBaseUrl(new URL(c.req.url), result.tenant.slug, c.env.PLATFORM_DOMAIN);
	await enqueue(c.env, {
		type: "welcome-email",
		tenantId: result.tenant.id,
		userId: result.owner.id,
		tenantUrl: `${url}/`,
		idempotencyKey: `welcome:${result.owner.id}`,
	});
	c.get("log").info("agency signed up", { tenantId: result.tenant.id });
	c.header("Location", `${url}/`);
	return c.json({ tenant: result.tenant, url: `${url}/`, handoffUrl: `${url}/welcome#handoff=${result.handoffToken}` }, 201);
};

export const login: RouteHandler<typeof routes.login, AppEnv> = async (c) => {
	const tenant = tenantOf(c);
	const body = c.req.valid("json");
	const { session, auth } = await signInWithPassword(
		{ scope: tenantScope(c.get("db"), tenant.id), gates: c.env.TENANT_GATE },
		{ ...body, ...requestOrigin(c) },
	);
	setSessionCookie(c, session.token, session.expiresAt);
	return c.json(toMe(auth, tenant), 200);
};

export const handoff: RouteHandler<typeof routes.handoff, AppEnv> = async (c) => {
	const tenant = tenantOf(c);
	const { token } = c.req.valid("json");
	const { session, auth } = await redeemHandoff(
		{ scope: tenantScope(c.get("db"), tenant.id), gates: c.env.TENANT_GATE },
		{ token, ...requestOrigin(c) },
	);
	setSessionCookie(c, session.token, session.expiresAt);
	return c.json(toMe(auth, tenant), 200);
};

export const logout: RouteHandler<typeof routes.logout, AppEnv> = async (c) => {
	const tenant = tenantOf(c);
	const auth = c.get("auth");
	if (auth?.via === "session") await invalidateSession(tenantScope(c.get("db"), tenant.id), auth.sessionId);
	clearSessionCookie(c);
	return c.body(null, 204);
};
