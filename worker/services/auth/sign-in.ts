/**
 * Password sign-in on a tenant host, rate-limited per IP and per account in the tenant's
 * TenantGate. Every attempt is recorded; the answer never says whether the email exists.
 */
import type { LoginBody } from "../../../schema/dto/auth";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";
import { decoyPasswordHash, verifyPassword } from "../../lib/passwords";
import { Problem, problems } from "../../lib/problem";
import { recordAudit } from "../audit-log";
import { findMemberByEmail, sessionAuthOf } from "../members";
import { type GateNamespace, resetBucket, retryAfterSeconds, takeTokens } from "../rate-limits";
import { createSession, type NewSession, type RequestOrigin } from "../sessions";
import { recordSignIn } from "../sign-in-events";
import { normalizeEmail } from "./sign-up";

export type SignInDeps = { scope: TenantScope; gates: GateNamespace };
export type SignInResult = { auth: SessionAuth; session: NewSession };

export const INVALID_CREDENTIALS = "The email or password is not right.";

export async function signInWithPassword(deps: SignInDeps, input: LoginBody & RequestOrigin): Promise<SignInResult> {
	const { scope, gates } = deps;
	const email = normalizeEmail(input.email);
	const origin = { ip: input.ip, userAgent: input.userAgent };
	const accountKey = `sign-in:account:${email}`;
	const limit = await takeTokens(gates, scope.tenantId, [
		{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp },
		{ key: accountKey, rule: RATE_RULES.signInPerAccount },
	]);
	const account = await findMemberByEmail(scope, email);
	const attempt = { userId: account?.id ?? null, email, method: "password" as const, ...origin };

	if (!limit.allowed) {
		await recordSignIn(scope, { ...attempt, outcome: "rate_limited" });
		throw problems.rateLimited(retryAfterSeconds(limit), "Too many sign-in attempts. Wait a moment and try again.");
	}
	const valid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), input.password);
	if (!account?.passwordHash || !valid) {
		await Promise.all([
			recordSignIn(scope, { ...attempt, outcome: "invalid_credentials" }),
			recordAudit(scope, {
				action: "auth.sign_in_failed",
				actor: { userId: account?.id ?? null, label: email },
				detail: { method: "password" },
				...origin,
			}),
		]);
		throw new Problem(401, "invalid-credentials", "Sign-in failed", INVALID_CREDENTIALS);
	}
	const session = await createSession(scope, { userId: account.id, ...origin });
	await Promise.all([
		recordSignIn(scope, { ...attempt, outcome: "success" }),
		recordAudit(scope, {
			action: "auth.sign_in",
			actor: { userId: account.id, label: account.email },
			detail: { method: "password" },
			...origin,
		}),
		resetBucket(gates, scope.tenantId, accountKey),
	]);
	return {
		session,
		auth: sessionAuthOf(account, session.id, scope.tenantId),
	};
}
