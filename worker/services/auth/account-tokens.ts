/**
 * Single-use emailed tokens (verify email, reset password, unlock, change email). Only the SHA-256
 * is stored; redeeming deletes the row in the same statement that finds it, so a token works once,
 * and only before it expires and only on the tenant it was issued for.
 */
import { and, eq, gt, inArray } from "drizzle-orm";
import { type AccountTokenPurpose, accountTokens } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { generateToken, tokenId } from "../../lib/tokens";

export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
	verify_email: 24 * 60 * 60_000,
	change_email: 24 * 60 * 60_000,
	password_reset: 60 * 60_000,
	unlock: 24 * 60 * 60_000,
};

export async function issueAccountToken(
	scope: TenantScope,
	input: { userId: string; purpose: AccountTokenPurpose; email: string },
	now = Date.now(),
): Promise<string> {
	const token = generateToken();
	await scope.insert(accountTokens, {
		id: tokenId(token),
		userId: input.userId,
		purpose: input.purpose,
		email: input.email,
		expiresAt: now + ACCOUNT_TOKEN_TTL_MS[input.purpose],
		createdAt: now,
	});
	return token;
}

export type RedeemedToken = { userId: string; email: string; purpose: AccountTokenPurpose };

/** Uses a token up: its row is deleted as it is read. Null when unknown, used, expired or of another purpose. */
export async function redeemAccountToken(
	scope: TenantScope,
	purposes: readonly AccountTokenPurpose[],
	token: string,
	now = Date.now(),
): Promise<RedeemedToken | null> {
	const [row] = await scope
		.delete(
			accountTokens,
			eq(accountTokens.id, tokenId(token)),
			inArray(accountTokens.purpose, [...purposes]),
			gt(accountTokens.expiresAt, now),
		)
		.returning({ userId: accountTokens.userId, email: accountTokens.email, purpose: accountTokens.purpose });
	return row ?? null;
}

/** Withdraws a user's outstanding tokens of some purposes (e.g. every reset link once the password changed). */
export async function revokeAccountTokens(scope: TenantScope, userId: string, purposes: readonly AccountTokenPurpose[]): Promise<void> {
	await scope.delete(accountTokens, and(eq(accountTokens.userId, userId), inArray(accountTokens.purpose, [...purposes])));
}
