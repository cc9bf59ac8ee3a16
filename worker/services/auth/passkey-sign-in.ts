/**
 * Username-less sign-in with a passkey: a discoverable credential answers a server-issued
 * challenge with user verification, which proves possession and a PIN or biometric at once, so it
 * opens a session without a second step. Rate-limited and recorded like every sign-in; a password
 * lockout does not block it (a passkey cannot be guessed, and the lock must not lock its owner out).
 * Under SSO enforcement only owners may use it (break-glass, audited `sso.break_glass_sign_in`).
 */
import type { AuthenticationCredential } from "../../../schema/dto/passkeys";
import { RATE_RULES } from "../../../schema/rate-limits";
import { Problem, problems } from "../../lib/problem";
import type { RelyingParty } from "../../lib/relying-party";
import { recordAudit } from "../audit/audit-log";
import { verifyPasskeyAssertion } from "../passkeys/passkey-assertion";
import { retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { recordSignIn } from "../security/sign-in-events";
import type { RequestOrigin } from "../sessions/sessions";
import { recordBreakGlassSignIn, refuseIfSsoRequired } from "../sso/sso-enforcement";
import { findMemberById } from "../team/members";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { TOO_MANY_ATTEMPTS } from "./sign-in";

export async function signInWithPasskey(
	deps: AuthDeps,
	rp: RelyingParty,
	input: { credential: AuthenticationCredential } & RequestOrigin,
	now = Date.now(),
): Promise<SignInResult> {
	const { scope, gates } = deps;
	const origin = { ip: input.ip, userAgent: input.userAgent, place: input.place ?? null };
	const limit = await takeTokens(gates, scope.tenantId, [{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp }]);
	if (!limit.allowed) {
		await recordSignIn(scope, { userId: null, email: null, method: "passkey", outcome: "rate_limited", ...origin }, now);
		throw problems.rateLimited(retryAfterSeconds(limit), TOO_MANY_ATTEMPTS);
	}
	let passkey: Awaited<ReturnType<typeof verifyPasskeyAssertion>>;
	try {
		passkey = await verifyPasskeyAssertion(scope, rp, input.credential, "sign_in", null, now);
	} catch (error) {
		if (error instanceof Problem) {
			await recordSignIn(scope, { userId: null, email: null, method: "passkey", outcome: "invalid_credentials", ...origin }, now);
		}
		throw error;
	}
	const account = await findMemberById(scope, passkey.userId);
	if (!account) throw problems.unauthenticated("The account behind this passkey no longer exists.");
	if ((await refuseIfSsoRequired(scope, account.emailNormalized, account.role)) === "break-glass") {
		await recordBreakGlassSignIn(scope, account, { method: "passkey", secondStep: null }, origin, now);
	}
	await recordAudit(scope, {
		action: "passkey.used",
		actor: { userId: account.id, label: account.email },
		target: { type: "passkey", id: passkey.id },
		detail: { as: "first_factor" },
		...origin,
	});
	return completeSignIn(deps, account, "passkey", origin, now);
}
