/** Handlers of the authentication routes: thin glue between HTTP and the auth services. */
import type { RouteHandler } from "@hono/zod-openapi";
import type { SecurityPolicy } from "../../../schema/dto/account-security";
import { type MeResponse, secondFactorOf, type TenantSummary } from "../../../schema/dto/auth";
import type { Profile } from "../../../schema/dto/profile";
import { sortPermissions } from "../../../schema/permissions";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { AppEnv, SessionAuth } from "../../env";
import { authDepsOf } from "../../http/auth-deps";
import { requestOrigin } from "../../http/request-origin";
import { clearSessionCookie, setSessionCookie } from "../../http/session-cookie";
import { tenantScope } from "../../lib/db";
import { requirePlatformHost, tenantOf } from "../../lib/host-guards";
import { tenantBaseUrl } from "../../lib/hosts";
import { enqueue } from "../../lib/jobs";
import { problems } from "../../lib/problem";
import { recordAudit, userActor } from "../../services/audit/audit-log";
import { verifyEmail as verifyEmailToken } from "../../services/auth/email-verification";
import { redeemHandoff } from "../../services/auth/hand-off";
import { completeMfaSignIn } from "../../services/auth/mfa-sign-in";
import { completePasswordReset, RESET_REQUESTED, requestPasswordReset } from "../../services/auth/passwords";
import { signInWithPassword } from "../../services/auth/sign-in";
import { signUpAgency } from "../../services/auth/sign-up";
import { unlockWithToken } from "../../services/auth/unlock";
import { profileOf, profileOfRow } from "../../services/profile/profile";
import { PLATFORM_GATE, retryAfterSeconds, takeTokens } from "../../services/security/rate-limits";
import { mfaSetupRequired, securityPolicyOf } from "../../services/security/security-policy";
import { signOutSession } from "../../services/sessions/session-list";
import type * as routes from "./auth.routes";

/** The cookie session's identity as the app reads it: who, what they may do, and their account's security state. */
export function toMe(auth: SessionAuth, tenant: TenantSummary, policy: SecurityPolicy, profile: Profile): MeResponse {
	return {
		user: auth.user,
		tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
		role: auth.role,
		permissions: sortPermissions(auth.permissions),
		emailVerified: auth.emailVerified,
		mfaEnabled: auth.mfaEnabled,
		mfaSetupRequired: mfaSetupRequired(policy, auth),
		profile,
	};
}

/** The identity of a cookie session on the request's tenant, with the security policy applied. */
export async function meOf(c: Parameters<typeof tenantOf>[0], auth: SessionAuth): Promise<MeResponse> {
	const tenant = tenantOf(c);
	const scope = tenantScope(c.get("db"), tenant.id);
	// A cookie session carries the profile columns (read and cached with it): no query for them.
	const [policy, profile] = await Promise.all([
		securityPolicyOf(scope),
		auth.profile ? profileOfRow(auth.profile) : profileOf(scope, auth.user.id),
	]);
	return toMe(auth, tenant, policy, profile);
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
	await Promise.all([
		enqueue(c.env, {
			type: "welcome-email",
			tenantId: result.tenant.id,
			userId: result.owner.id,
			idempotencyKey: `welcome:${result.owner.id}`,
		}),
		enqueue(c.env, {
			type: "account-email",
			tenantId: result.tenant.id,
			userId: result.owner.id,
			kind: "verify_email",
			idempotencyKey: `verify-email:${result.owner.id}:sign-up`,
		}),
	]);
	c.get("log").info("agency signed up", { tenantId: result.tenant.id });
	c.header("Location", `${url}/`);
	return c.json({ tenant: result.tenant, url: `${url}/`, handoffUrl: `${url}/welcome#handoff=${result.handoffToken}` }, 201);
};

export const login: RouteHandler<typeof routes.login, AppEnv> = async (c) => {
	const body = c.req.valid("json");
	const result = await signInWithPassword(authDepsOf(c), { ...body, ...requestOrigin(c) });
	if (result.kind === "mfa") return c.json({ mfaRequired: true as const, challenge: result.challenge, methods: result.methods }, 200);
	setSessionCookie(c, result.session.token, result.session.expiresAt);
	return c.json(await meOf(c, result.auth), 200);
};

export const loginMfa: RouteHandler<typeof routes.loginMfa, AppEnv> = async (c) => {
	const body = c.req.valid("json");
	const { session, auth } = await completeMfaSignIn(authDepsOf(c), {
		challenge: body.challenge,
		...secondFactorOf(body),
		...requestOrigin(c),
	});
	setSessionCookie(c, session.token, session.expiresAt);
	return c.json(await meOf(c, auth), 200);
};

export const handoff: RouteHandler<typeof routes.handoff, AppEnv> = async (c) => {
	const { token } = c.req.valid("json");
	const { session, auth } = await redeemHandoff(authDepsOf(c), { token, ...requestOrigin(c) });
	setSessionCookie(c, session.token, session.expiresAt);
	return c.json(await meOf(c, auth), 200);
};

export const logout: RouteHandler<typeof routes.logout, AppEnv> = async (c) => {
	const tenant = tenantOf(c);
	const auth = c.get("auth");
	if (auth?.via === "session") {
		const scope = tenantScope(c.get("db"), tenant.id);
		await signOutSession(scope, c.env, auth.sessionId);
		await recordAudit(scope, { action: "auth.sign_out", actor: userActor(auth.user), ...requestOrigin(c) });
	}
	clearSessionCookie(c);
	return c.body(null, 204);
};

export const unlock: RouteHandler<typeof routes.unlock, AppEnv> = async (c) => {
	await unlockWithToken(authDepsOf(c), c.req.valid("json").token, requestOrigin(c));
	return c.body(null, 204);
};

export const verifyEmail: RouteHandler<typeof routes.verifyEmail, AppEnv> = async (c) => {
	return c.json(await verifyEmailToken(authDepsOf(c), c.req.valid("json").token, requestOrigin(c)), 200);
};

export const passwordResetRequest: RouteHandler<typeof routes.passwordResetRequest, AppEnv> = async (c) => {
	await requestPasswordReset(authDepsOf(c), { ...c.req.valid("json"), ...requestOrigin(c) });
	return c.json({ message: RESET_REQUESTED }, 202);
};

export const passwordResetComplete: RouteHandler<typeof routes.passwordResetComplete, AppEnv> = async (c) => {
	await completePasswordReset(authDepsOf(c), { ...c.req.valid("json"), ...requestOrigin(c) });
	clearSessionCookie(c);
	return c.body(null, 204);
};
