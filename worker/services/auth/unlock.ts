/** Ending a lockout early: with the single-use link emailed at lock time, or by an admin. */

import { recordAudit, userActor } from "../audit/audit-log";
import { clearFailedPasswords } from "../security/account-lock";
import type { RequestOrigin } from "../sessions/sessions";
import { findMemberById } from "../team/members";
import { redeemAccountToken } from "./account-tokens";
import type { AuthDeps } from "./auth-deps";
import { invalidLink } from "./email-verification";

export async function unlockWithToken(deps: AuthDeps, token: string, origin: RequestOrigin, now = Date.now()): Promise<void> {
	const redeemed = await redeemAccountToken(deps.scope, ["unlock"], token, now);
	const account = redeemed ? await findMemberById(deps.scope, redeemed.userId) : null;
	if (!redeemed || !account) throw invalidLink();
	await clearFailedPasswords(deps.gates, deps.scope.tenantId, account.emailNormalized);
	await recordAudit(deps.scope, {
		action: "auth.account_unlocked",
		actor: userActor(account),
		target: { type: "user", id: account.id },
		detail: { by: "email_link" },
		...origin,
	});
}

/** An admin clears a member's lockout; null when the member is not on this tenant. */
export async function unlockMember(
	deps: AuthDeps,
	admin: { id: string; email: string },
	userId: string,
	origin: RequestOrigin,
): Promise<{ wasLocked: boolean } | null> {
	const account = await findMemberById(deps.scope, userId);
	if (!account) return null;
	const wasLocked = await clearFailedPasswords(deps.gates, deps.scope.tenantId, account.emailNormalized);
	await recordAudit(deps.scope, {
		action: "auth.account_unlocked",
		actor: userActor(admin),
		target: { type: "user", id: account.id },
		detail: { by: "admin", wasLocked },
		...origin,
	});
	return { wasLocked };
}
