/**
 * Applies the tenant's account-security policy to signed-in API calls:
 * - MFA required by policy and not set up (no TOTP, no passkey): only sign-in/out, /me, TOTP
 *   enrolment and passkeys answer; the rest gets 403 `mfa-setup-required` (the PWA sends the user to enrolment).
 * - `unverifiedAccess: read_only` and the email is not verified: reads work, writes other than
 *   auth and the account's own routes get 403 `email-verification-required`.
 * The policy is about people's accounts, so it applies to cookie sessions only: an API key has no
 * verification or MFA state of its own, and creating one is itself a session write the policy gates.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { tenantScope } from "../lib/db";
import { Problem } from "../lib/problem";
import { mfaSetupRequired, securityPolicyOf } from "../services/security/security-policy";

const MFA_SETUP_ALLOWED = [
	/^\/api\/v1\/auth\//,
	/^\/api\/v1\/me$/,
	/^\/api\/v1\/me\/mfa(\/|$)/,
	/^\/api\/v1\/me\/passkeys(\/|$)/,
	/^\/api\/v1\/host$/,
];
const UNVERIFIED_WRITES_ALLOWED = [/^\/api\/v1\/auth\//, /^\/api\/v1\/me(\/|$)/];

export const accountPolicy = createMiddleware<AppEnv>(async function accountPolicy(c, next) {
	const auth = c.get("auth");
	const host = c.get("host");
	if (auth?.via !== "session" || host.kind !== "tenant") return next();
	const path = c.req.path;
	const policy = await securityPolicyOf(tenantScope(c.get("db"), host.tenant.id));
	if (mfaSetupRequired(policy, auth) && !MFA_SETUP_ALLOWED.some((p) => p.test(path))) {
		throw new Problem(
			403,
			"mfa-setup-required",
			"Set up two-step sign-in first",
			"Your agency requires an authenticator app for your account. Set it up under Account → Security to continue.",
		);
	}
	const isRead = c.req.method === "GET" || c.req.method === "HEAD";
	if (policy.unverifiedAccess === "read_only" && !auth.emailVerified && !isRead && !UNVERIFIED_WRITES_ALLOWED.some((p) => p.test(path))) {
		throw new Problem(
			403,
			"email-verification-required",
			"Confirm your email first",
			"Your agency allows changes only from accounts with a confirmed email. Use the link we emailed you, or send a new one from Account → Security.",
		);
	}
	return next();
});
