/**
 * The second step of sign-in: a live challenge of this tenant plus a TOTP code or an unused
 * recovery code opens the session. Wrong codes count towards the account's lockout as wrong
 * passwords do, and each challenge allows only a few attempts.
 */
import { RATE_RULES } from "../../../schema/rate-limits";
import { Problem, problems } from "../../lib/problem";
import { lockRetryAfterSeconds, lockStatus } from "../account-lock";
import { recordAudit } from "../audit-log";
import { findMemberById } from "../members";
import { useRecoveryCode } from "../mfa/recovery-codes";
import { verifyTotpCode } from "../mfa/totp";
import { retryAfterSeconds, takeTokens } from "../rate-limits";
import type { RequestOrigin } from "../sessions";
import { recordSignIn } from "../sign-in-events";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { spendChallenge, takeChallengeAttempt } from "./mfa-challenge";
import { countFailure, TOO_MANY_ATTEMPTS } from "./sign-in";

export type SecondFactor = { code: string } | { recoveryCode: string };

const invalidChallenge = () =>
	new Problem(401, "invalid-challenge", "This sign-in has expired", "Start again with your email and password.", {
		errors: [{ path: "challenge", message: "is expired, used or unknown" }],
	});

export async function completeMfaSignIn(
	deps: AuthDeps,
	input: { challenge: string } & SecondFactor & RequestOrigin,
	now = Date.now(),
): Promise<SignInResult> {
	const { scope, gates } = deps;
	const origin = { ip: input.ip, userAgent: input.userAgent, place: input.place ?? null };
	const method = "code" in input ? ("totp" as const) : ("recovery_code" as const);
	const limit = await takeTokens(gates, scope.tenantId, [{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp }]);
	if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), TOO_MANY_ATTEMPTS);

	const challenge = await takeChallengeAttempt(scope, input.challenge, now);
	const account = challenge ? await findMemberById(scope, challenge.userId) : null;
	if (!challenge || !account) {
		await recordSignIn(scope, { userId: null, email: null, method, outcome: "invalid_token", ...origin }, now);
		throw invalidChallenge();
	}
	const attempt = { userId: account.id, email: account.emailNormalized, method, ...origin };
	const lock = await lockStatus(gates, scope.tenantId, account.emailNormalized);
	if (lock.locked) {
		await recordSignIn(scope, { ...attempt, outcome: "locked" }, now);
		throw problems.rateLimited(lockRetryAfterSeconds(lock, now), TOO_MANY_ATTEMPTS);
	}
	const accepted =
		"code" in input
			? await verifyTotpCode(scope, account.id, input.code, now)
			: await useRecoveryCode(scope, account.id, input.recoveryCode);
	if (!accepted) {
		await Promise.all([
			recordSignIn(scope, { ...attempt, outcome: "invalid_code" }, now),
			recordAudit(scope, {
				action: "auth.sign_in_failed",
				actor: { userId: account.id, label: account.email },
				detail: { method },
				...origin,
			}),
			countFailure(deps, account.emailNormalized, account, origin),
		]);
		const field = "code" in input ? "code" : "recoveryCode";
		throw new Problem(401, "invalid-code", "Sign-in failed", "That code is not right, or it was already used.", {
			errors: [{ path: field, message: "is not right or was already used" }],
		});
	}
	if (!(await spendChallenge(scope, input.challenge))) throw invalidChallenge();
	if (method === "recovery_code") {
		await recordAudit(scope, { action: "mfa.recovery_code_used", actor: { userId: account.id, label: account.email }, ...origin });
	}
	return completeSignIn(deps, account, method, origin, now);
}
