/**
 * The second step of sign-in: a live challenge of this tenant plus a TOTP code, an unused
 * recovery code or an assertion of one of the account's passkeys opens the session. Wrong codes count towards the account's lockout as wrong
 * passwords do, and each challenge allows only a few attempts.
 */

import type { AuthenticationCredential } from "../../../schema/dto/passkeys";
import { RATE_RULES } from "../../../schema/rate-limits";
import { Problem, problems } from "../../lib/problem";
import type { RelyingParty } from "../../lib/relying-party";
import { recordAudit } from "../audit/audit-log";
import { useRecoveryCode } from "../mfa/recovery-codes";
import { verifyTotpCode } from "../mfa/totp";
import { verifyPasskeyAssertion } from "../passkeys/passkey-assertion";
import { lockRetryAfterSeconds, lockStatus } from "../security/account-lock";
import { retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { recordSignIn } from "../security/sign-in-events";
import type { RequestOrigin } from "../sessions/sessions";
import { findMemberById, type MemberAccount } from "../team/members";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { spendChallenge, takeChallengeAttempt } from "./mfa-challenge";
import { countFailure, TOO_MANY_ATTEMPTS } from "./sign-in";

export type SecondFactor =
	| { code: string }
	| { recoveryCode: string }
	| { passkey: { credential: AuthenticationCredential; rp: RelyingParty } };

function methodOf(factor: SecondFactor): "totp" | "recovery_code" | "passkey" {
	return "code" in factor ? "totp" : "recoveryCode" in factor ? "recovery_code" : "passkey";
}

/** Whether the factor is right: a TOTP code, an unused recovery code, or an assertion of one of the account's passkeys. */
async function acceptFactor(
	deps: AuthDeps,
	account: MemberAccount,
	factor: SecondFactor,
	origin: RequestOrigin,
	now: number,
): Promise<boolean> {
	if ("code" in factor) return verifyTotpCode(deps.scope, account.id, factor.code, now);
	if ("recoveryCode" in factor) return useRecoveryCode(deps.scope, account.id, factor.recoveryCode);
	try {
		const passkey = await verifyPasskeyAssertion(
			deps.scope,
			factor.passkey.rp,
			factor.passkey.credential,
			"second_factor",
			account.id,
			now,
		);
		await recordAudit(deps.scope, {
			action: "passkey.used",
			actor: { userId: account.id, label: account.email },
			target: { type: "passkey", id: passkey.id },
			detail: { as: "second_factor" },
			...origin,
		});
		return true;
	} catch (error) {
		if (error instanceof Problem) return false;
		throw error;
	}
}

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
	const method = methodOf(input);
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
	const accepted = await acceptFactor(deps, account, input, origin, now);
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
		const field = method === "totp" ? "code" : method === "recovery_code" ? "recoveryCode" : "credential";
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
