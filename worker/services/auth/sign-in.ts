/**
 * Password sign-in on a tenant host: rate-limited per IP in the tenant's TenantGate, refused
 * unchecked while the account is locked after repeated failures, and answered with a second-step
 * challenge instead of a session when the account has MFA. Every attempt is recorded; the answer
 * never says whether the email exists. An address the agency's SSO enforcement covers gets one
 * answer, the 403 pointing at SSO, for every attempt except an owner's right password (the
 * break-glass way in, audited): a wrong password for an owner's address looks exactly like any
 * password for a staff or unknown address, so SSO domains do not reveal who the owners are. Those
 * attempts count towards the lockout alike (the password of a non-owner is not checked at all).
 */
import type { LoginBody } from "../../../schema/dto/auth";
import { RATE_RULES } from "../../../schema/rate-limits";
import { enqueue } from "../../lib/jobs";
import { decoyPasswordHash, verifyPassword } from "../../lib/passwords";
import { Problem, problems } from "../../lib/problem";
import { recordAudit } from "../audit/audit-log";
import { lockRetryAfterSeconds, lockStatus, recordFailedPassword } from "../security/account-lock";
import { retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { type SecondFactorMethod, secondFactorsFor, securityPolicyOf } from "../security/security-policy";
import { recordSignIn } from "../security/sign-in-events";
import type { RequestOrigin } from "../sessions/sessions";
import { recordBreakGlassSignIn, ssoGateFor, ssoRequiredProblem } from "../sso/sso-enforcement";
import { findMemberByEmail, type MemberAccount } from "../team/members";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { createMfaChallenge } from "./mfa-challenge";
import { normalizeEmail } from "./sign-up";

export type { SignInResult } from "./complete-sign-in";

export const INVALID_CREDENTIALS = "The email or password is not right.";
export const TOO_MANY_ATTEMPTS = "Too many sign-in attempts. Wait a moment and try again.";

export type { SecondFactorMethod } from "../security/security-policy";
export type PasswordSignIn = ({ kind: "session" } & SignInResult) | { kind: "mfa"; challenge: string; methods: SecondFactorMethod[] };

export async function signInWithPassword(deps: AuthDeps, input: LoginBody & RequestOrigin, now = Date.now()): Promise<PasswordSignIn> {
	const { scope, gates } = deps;
	const email = normalizeEmail(input.email);
	const origin = { ip: input.ip, userAgent: input.userAgent, place: input.place ?? null };
	const limit = await takeTokens(gates, scope.tenantId, [{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp }]);
	const account = await findMemberByEmail(scope, email);
	const attempt = { userId: account?.id ?? null, email, method: "password" as const, ...origin };

	if (!limit.allowed) {
		await recordSignIn(scope, { ...attempt, outcome: "rate_limited" }, now);
		throw problems.rateLimited(retryAfterSeconds(limit), TOO_MANY_ATTEMPTS);
	}
	const gate = await ssoGateFor(scope, email, account?.role ?? null);
	const lock = await lockStatus(gates, scope.tenantId, email);
	if (lock.locked) {
		// The password is not even checked while locked; the answer is the rate limit's.
		await recordSignIn(scope, { ...attempt, outcome: "locked" }, now);
		throw problems.rateLimited(lockRetryAfterSeconds(lock, now), TOO_MANY_ATTEMPTS);
	}
	// Under SSO enforcement only an owner's password is checked; anyone else's is never right (same cost, decoy hash).
	const storedHash = gate === "sso-only" ? null : (account?.passwordHash ?? null);
	const valid = await verifyPassword(storedHash ?? (await decoyPasswordHash()), input.password);
	if (!account || !storedHash || !valid) {
		await Promise.all([
			recordSignIn(scope, { ...attempt, outcome: "invalid_credentials" }, now),
			recordAudit(scope, {
				action: "auth.sign_in_failed",
				actor: { userId: account?.id ?? null, label: email },
				detail: gate === "open" ? { method: "password" } : { method: "password", ssoRequired: true },
				...origin,
			}),
			countFailure(deps, email, account, origin),
		]);
		if (gate !== "open") throw ssoRequiredProblem(email);
		throw new Problem(401, "invalid-credentials", "Sign-in failed", INVALID_CREDENTIALS);
	}
	const methods = secondFactorsFor(account, await securityPolicyOf(scope));
	if (gate === "break-glass") {
		await recordBreakGlassSignIn(
			scope,
			account,
			{ method: "password", secondStep: methods.length > 0 ? methods.join(",") : null },
			origin,
			now,
		);
	}
	if (methods.length > 0) {
		// Failures stay counted until the second step succeeds: wrong codes add to them.
		const challenge = await createMfaChallenge(scope, account.id, now);
		await recordSignIn(scope, { ...attempt, outcome: "mfa_required" }, now);
		return { kind: "mfa", challenge, methods };
	}
	return { kind: "session", ...(await completeSignIn(deps, account, "password", origin, now)) };
}

/**
 * Counts a failed password or code against the account; when it starts a lock, audits it and
 * emails the owner an unlock link (once per lock).
 */
export async function countFailure(deps: AuthDeps, email: string, account: MemberAccount | null, origin: RequestOrigin): Promise<void> {
	const state = await recordFailedPassword(deps.gates, deps.scope.tenantId, email);
	if (!state.newlyLocked || !account || !state.locked) return;
	await Promise.all([
		recordAudit(deps.scope, {
			action: "auth.account_locked",
			actor: { userId: null, label: "system" },
			target: { type: "user", id: account.id },
			detail: { failures: state.failures, lockedUntil: state.lockedUntil },
			...origin,
		}),
		enqueue(deps.jobs, {
			type: "account-email",
			tenantId: deps.scope.tenantId,
			userId: account.id,
			kind: "unlock",
			idempotencyKey: `unlock:${account.id}:${state.lockedUntil}`,
		}),
	]);
}
