/**
 * Password sign-in on a tenant host, rate-limited per IP and per account in the tenant's
 * TenantGate. Every attempt is recorded; the answer never says whether the email exists.
 */
import { and, eq } from "drizzle-orm";
import type { LoginBody } from "../../../schema/dto/auth";
import { memberships, users } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { AuthContext, Database } from "../../env";
import { decoyPasswordHash, verifyPassword } from "../../lib/passwords";
import { Problem, problems } from "../../lib/problem";
import { type GateNamespace, resetBucket, retryAfterSeconds, takeTokens } from "../rate-limits";
import { createSession, type NewSession, type RequestOrigin } from "../sessions";
import { recordSignIn } from "../sign-in-events";
import { normalizeEmail } from "./sign-up";

export type SignInDeps = { db: Database; gates: GateNamespace };
export type SignInResult = { auth: AuthContext; session: NewSession };

export const INVALID_CREDENTIALS = "The email or password is not right.";

export async function signInWithPassword(deps: SignInDeps, input: LoginBody & { tenantId: string } & RequestOrigin): Promise<SignInResult> {
	const { db, gates } = deps;
	const email = normalizeEmail(input.email);
	const origin = { ip: input.ip, userAgent: input.userAgent };
	const accountKey = `sign-in:account:${email}`;
	const limit = await takeTokens(gates, input.tenantId, [
		{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp },
		{ key: accountKey, rule: RATE_RULES.signInPerAccount },
	]);
	const [account] = await db
		.select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, role: memberships.role })
		.from(users)
		.innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.tenantId)))
		.where(and(eq(users.tenantId, input.tenantId), eq(users.emailNormalized, email)))
		.limit(1);
	const attempt = { tenantId: input.tenantId, userId: account?.id ?? null, email, method: "password" as const, ...origin };

	if (!limit.allowed) {
		await recordSignIn(db, { ...attempt, outcome: "rate_limited" });
		throw problems.rateLimited(retryAfterSeconds(limit), "Too many sign-in attempts. Wait a moment and try again.");
	}
	const valid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), input.password);
	if (!account?.passwordHash || !valid) {
		await recordSignIn(db, { ...attempt, outcome: "invalid_credentials" });
		throw new Problem(401, "invalid-credentials", "Sign-in failed", INVALID_CREDENTIALS);
	}
	const session = await createSession(db, { tenantId: input.tenantId, userId: account.id, ...origin });
	await Promise.all([recordSignIn(db, { ...attempt, outcome: "success" }), resetBucket(gates, input.tenantId, accountKey)]);
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
