/**
 * Redeems a one-time hand-off token on the tenant host it was issued for: the token is deleted as
 * it is used, so it opens exactly one session, and only within its short lifetime.
 */
import { eq, gt } from "drizzle-orm";
import { handoffTokens } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import { Problem, problems } from "../../lib/problem";
import { tokenId } from "../../lib/tokens";
import { retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { recordSignIn } from "../security/sign-in-events";
import type { RequestOrigin } from "../sessions/sessions";
import { findMemberById } from "../team/members";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";

export async function redeemHandoff(deps: AuthDeps, input: { token: string } & RequestOrigin, now = Date.now()): Promise<SignInResult> {
	const { scope, gates } = deps;
	const origin = { ip: input.ip, userAgent: input.userAgent, place: input.place ?? null };
	const limit = await takeTokens(gates, scope.tenantId, [{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp }]);
	const attempt = { email: null, method: "handoff" as const, ...origin };
	if (!limit.allowed) {
		await recordSignIn(scope, { ...attempt, userId: null, outcome: "rate_limited" });
		throw problems.rateLimited(retryAfterSeconds(limit));
	}
	const [used] = await scope
		.delete(handoffTokens, eq(handoffTokens.id, tokenId(input.token)), gt(handoffTokens.expiresAt, now))
		.returning({ userId: handoffTokens.userId });
	if (!used) {
		await recordSignIn(scope, { ...attempt, userId: null, outcome: "invalid_token" });
		throw new Problem(401, "invalid-handoff", "This sign-in link has expired", "Sign in with your email and password.", {
			errors: [{ path: "token", message: "is expired, used or unknown" }],
		});
	}
	const account = await findMemberById(scope, used.userId);
	if (!account) throw problems.unauthenticated("The account behind this link no longer exists.");
	return completeSignIn(deps, account, "handoff", origin, now);
}
