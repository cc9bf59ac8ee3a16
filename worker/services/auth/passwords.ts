/**
 * Password reset (by emailed single-use, one-hour link) and password change (with the current
 * password). A reset signs the user out everywhere and clears any lockout; a change signs out
 * every other session and keeps this one.
 */
import { eq } from "drizzle-orm";
import { users } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { SessionAuth } from "../../env";
import { enqueue } from "../../lib/jobs";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { problems } from "../../lib/problem";
import { recordAudit, userActor } from "../audit/audit-log";
import { clearFailedPasswords } from "../security/account-lock";
import { takeTokens } from "../security/rate-limits";
import { endLiveUser } from "../sessions/live-access";
import { invalidateUserSessions, type RequestOrigin } from "../sessions/sessions";
import { findMemberByEmail, findMemberById } from "../team/members";
import { redeemAccountToken, revokeAccountTokens } from "./account-tokens";
import type { AuthDeps } from "./auth-deps";
import { invalidLink } from "./email-verification";
import { normalizeEmail } from "./sign-up";

export const RESET_REQUESTED = "If an account uses this email, a link to choose a new password is on its way. It works for one hour.";

/**
 * Always the same quiet answer, whether or not the email has an account; over the rate limit the
 * request is dropped silently too (the caller cannot tell the difference).
 */
export async function requestPasswordReset(deps: AuthDeps, input: { email: string } & RequestOrigin, now = Date.now()): Promise<void> {
	const { scope } = deps;
	const email = normalizeEmail(input.email);
	const limit = await takeTokens(deps.gates, scope.tenantId, [
		{ key: `password-reset:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.passwordResetPerIp },
		{ key: `password-reset:email:${email}`, rule: RATE_RULES.passwordResetPerEmail },
	]);
	if (!limit.allowed) return;
	const account = await findMemberByEmail(scope, email);
	if (!account) return;
	await enqueue(deps.jobs, {
		type: "account-email",
		tenantId: scope.tenantId,
		userId: account.id,
		kind: "password_reset",
		idempotencyKey: `password-reset:${account.id}:${now}`,
	});
}

export async function completePasswordReset(
	deps: AuthDeps,
	input: { token: string; password: string } & RequestOrigin,
	now = Date.now(),
): Promise<void> {
	const { scope } = deps;
	const redeemed = await redeemAccountToken(scope, ["password_reset"], input.token, now);
	const account = redeemed ? await findMemberById(scope, redeemed.userId) : null;
	if (!redeemed || !account) throw invalidLink();
	const passwordHash = await hashPassword(input.password);
	// The link proves control of the mailbox, so the address counts as verified too.
	await scope.update(users, { passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? now, updatedAt: now }, eq(users.id, account.id));
	const [revoked] = await Promise.all([
		invalidateUserSessions(scope, account.id),
		revokeAccountTokens(scope, account.id, ["password_reset", "unlock"]),
		clearFailedPasswords(deps.gates, scope.tenantId, account.emailNormalized),
	]);
	await endLiveUser(deps.live, scope.tenantId, account.id, { reason: "sessionEnded" });
	await recordAudit(scope, {
		action: "auth.password_reset",
		actor: userActor(account),
		target: { type: "user", id: account.id },
		detail: { sessionsRevoked: revoked },
		ip: input.ip,
		userAgent: input.userAgent,
	});
}

export async function changePassword(
	deps: AuthDeps,
	auth: SessionAuth,
	input: { currentPassword: string; newPassword: string } & RequestOrigin,
	now = Date.now(),
): Promise<number> {
	const { scope } = deps;
	const account = await findMemberById(scope, auth.user.id);
	if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
		throw problems.validation([{ path: "currentPassword", message: "is not your current password" }]);
	}
	if (input.currentPassword === input.newPassword)
		throw problems.validation([{ path: "newPassword", message: "must differ from the current password" }]);
	await scope.update(users, { passwordHash: await hashPassword(input.newPassword), updatedAt: now }, eq(users.id, account.id));
	const [revoked] = await Promise.all([
		invalidateUserSessions(scope, account.id, auth.sessionId),
		revokeAccountTokens(scope, account.id, ["password_reset"]),
	]);
	await endLiveUser(deps.live, scope.tenantId, account.id, { reason: "sessionEnded", exceptSessionId: auth.sessionId });
	await recordAudit(scope, {
		action: "auth.password_changed",
		actor: userActor(account),
		target: { type: "user", id: account.id },
		detail: { otherSessionsRevoked: revoked },
		ip: input.ip,
		userAgent: input.userAgent,
	});
	return revoked;
}
