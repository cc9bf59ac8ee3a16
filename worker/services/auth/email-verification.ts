/**
 * Email verification and email change. A verification link is a single-use, 24-hour token sent by
 * the jobs queue; using it marks the address verified. An email change sends a link to the new
 * address, and the account's email changes only when that link is used.
 */
import { and, eq, ne } from "drizzle-orm";
import { users } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { AuthContext } from "../../env";
import { enqueue } from "../../lib/jobs";
import { verifyPassword } from "../../lib/passwords";
import { Problem, problems } from "../../lib/problem";
import { recordAudit, userActor } from "../audit/audit-log";
import { retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { type RequestOrigin, refreshCachedUser } from "../sessions/sessions";
import { findMemberById } from "../team/members";
import { redeemAccountToken, revokeAccountTokens } from "./account-tokens";
import type { AuthDeps } from "./auth-deps";
import { normalizeEmail } from "./sign-up";

export const invalidLink = (detail = "This link has expired or was already used.") =>
	new Problem(400, "invalid-token", "This link no longer works", detail, {
		errors: [{ path: "token", message: "is expired, used or unknown" }],
	});

/** Queues a verification email for the account (rate-limited per user). */
export async function sendVerificationEmail(deps: AuthDeps, userId: string, now = Date.now()): Promise<void> {
	const limit = await takeTokens(deps.gates, deps.scope.tenantId, [
		{ key: `verify-email:user:${userId}`, rule: RATE_RULES.verificationEmailPerUser },
	]);
	if (!limit.allowed)
		throw problems.rateLimited(retryAfterSeconds(limit), "A verification email was sent recently. Check your inbox, or try again later.");
	await enqueue(deps.jobs, {
		type: "account-email",
		tenantId: deps.scope.tenantId,
		userId,
		kind: "verify_email",
		idempotencyKey: `verify-email:${userId}:${now}`,
	});
}

/** Uses a verification or email-change link; returns the verified address. */
export async function verifyEmail(deps: AuthDeps, token: string, origin: RequestOrigin, now = Date.now()): Promise<{ email: string }> {
	const { scope } = deps;
	const redeemed = await redeemAccountToken(scope, ["verify_email", "change_email"], token, now);
	const account = redeemed ? await findMemberById(scope, redeemed.userId) : null;
	if (!redeemed || !account) throw invalidLink();
	if (redeemed.purpose === "verify_email") {
		// A link for an address the account no longer has verifies nothing.
		if (normalizeEmail(redeemed.email) !== account.emailNormalized)
			throw invalidLink("This link was for an address the account no longer uses.");
		await scope.update(users, { emailVerifiedAt: now, updatedAt: now }, eq(users.id, account.id));
		await recordAudit(scope, {
			action: "auth.email_verified",
			actor: userActor(account),
			target: { type: "user", id: account.id },
			...origin,
		});
	} else {
		const newNormalized = normalizeEmail(redeemed.email);
		try {
			await scope.update(
				users,
				{ email: redeemed.email, emailNormalized: newNormalized, emailVerifiedAt: now, updatedAt: now },
				eq(users.id, account.id),
			);
		} catch (error) {
			if (String(error).includes("UNIQUE constraint failed"))
				throw problems.conflict("newEmail", "belongs to another account of this agency");
			throw error;
		}
		await revokeAccountTokens(scope, account.id, ["password_reset", "verify_email"]);
		await recordAudit(scope, {
			action: "auth.email_changed",
			actor: userActor(account),
			target: { type: "user", id: account.id },
			detail: { from: account.email, to: redeemed.email },
			...origin,
		});
	}
	refreshCachedUser(scope.tenantId, account.id);
	return { email: redeemed.email };
}

/** Asks to move the account to a new address: checks the password and that no other account has it, then mails a link there. */
export async function requestEmailChange(
	deps: AuthDeps,
	auth: AuthContext,
	input: { newEmail: string; currentPassword: string },
	now = Date.now(),
): Promise<void> {
	const { scope } = deps;
	const account = await findMemberById(scope, auth.user.id);
	if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
		throw problems.validation([{ path: "currentPassword", message: "is not your current password" }]);
	}
	const normalized = normalizeEmail(input.newEmail);
	if (normalized === account.emailNormalized) throw problems.validation([{ path: "newEmail", message: "is already your email" }]);
	const [taken] = await scope.db
		.select({ id: users.id })
		.from(users)
		.where(scope.where(users, and(eq(users.emailNormalized, normalized), ne(users.id, account.id))))
		.limit(1);
	if (taken) throw problems.conflict("newEmail", "belongs to another account of this agency");
	const limit = await takeTokens(deps.gates, scope.tenantId, [
		{ key: `verify-email:user:${account.id}`, rule: RATE_RULES.verificationEmailPerUser },
	]);
	if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), "Several emails were sent recently. Try again later.");
	await revokeAccountTokens(scope, account.id, ["change_email"]);
	await enqueue(deps.jobs, {
		type: "account-email",
		tenantId: scope.tenantId,
		userId: account.id,
		kind: "change_email",
		newEmail: input.newEmail.trim(),
		idempotencyKey: `change-email:${account.id}:${now}`,
	});
}
