/**
 * Redeems a one-time hand-off token on the tenant host it was issued for: the token is deleted as
 * it is used, so it opens exactly one session, and only within its short lifetime.
 */
import { and, eq, gt } from "drizzle-orm";
import { handoffTokens, memberships, users } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { Database } from "../../env";
import { Problem, problems } from "../../lib/problem";
import { tokenId } from "../../lib/tokens";
import { type GateNamespace, retryAfterSeconds, takeTokens } from "../rate-limits";
import { createSession, type RequestOrigin } from "../sessions";
import { recordSignIn } from "../sign-in-events";
import type { SignInResult } from "./sign-in";

export async function redeemHandoff(
	deps: { db: Database; gates: GateNamespace },
	input: { token: string; tenantId: string } & RequestOrigin,
	now = Date.now(),
): Promise<SignInResult> {
	const { db, gates } = deps;
	const origin = { ip: input.ip, userAgent: input.userAgent };
	const limit = await takeTokens(gates, input.tenantId, [{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp }]);
	const attempt = { tenantId: input.tenantId, email: null, method: "handoff" as const, ...origin };
	if (!limit.allowed) {
		await recordSignIn(db, { ...attempt, userId: null, outcome: "rate_limited" });
		throw problems.rateLimited(retryAfterSeconds(limit));
	}
	const [used] = await db
		.delete(handoffTokens)
		.where(and(eq(handoffTokens.id, tokenId(input.token)), eq(handoffTokens.tenantId, input.tenantId), gt(handoffTokens.expiresAt, now)))
		.returning({ userId: handoffTokens.userId });
	if (!used) {
		await recordSignIn(db, { ...attempt, userId: null, outcome: "invalid_token" });
		throw new Problem(401, "invalid-handoff", "This sign-in link has expired", "Sign in with your email and password.", {
			errors: [{ path: "token", message: "is expired, used or unknown" }],
		});
	}
	const [account] = await db
		.select({ id: users.id, email: users.email, name: users.name, role: memberships.role })
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.tenantId)))
		.where(and(eq(users.id, used.userId), eq(users.tenantId, input.tenantId)))
		.limit(1);
	if (!account) throw problems.unauthenticated("The account behind this link no longer exists.");
	const session = await createSession(db, { tenantId: input.tenantId, userId: account.id, ...origin }, now);
	await recordSignIn(db, { ...attempt, userId: account.id, email: account.email, outcome: "success" }, now);
	return {
		session,
		auth: {
			sessionId: session.id,
			tenantId: input.tenantId,
			user: { id: account.id, email: account.email, name: account.name },
			role: account.role,
		},
	};
}
