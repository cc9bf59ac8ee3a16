/**
 * The step between a right password and a session when the account has MFA: an opaque, single-use
 * challenge token (only its SHA-256 stored), bound to its tenant, valid five minutes, allowing
 * MAX_CHALLENGE_ATTEMPTS codes before it is spent.
 */
import { eq, gt, lt, sql } from "drizzle-orm";
import { mfaChallenges } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { generateToken, tokenId } from "../../lib/tokens";

export const MFA_CHALLENGE_TTL_MS = 5 * 60_000;
export const MAX_CHALLENGE_ATTEMPTS = 5;

export async function createMfaChallenge(scope: TenantScope, userId: string, now = Date.now()): Promise<string> {
	const token = generateToken();
	await scope.insert(mfaChallenges, { id: tokenId(token), userId, expiresAt: now + MFA_CHALLENGE_TTL_MS, createdAt: now });
	return token;
}

/** Counts one attempt against a live challenge of this tenant; the user it belongs to, or null when unknown, expired or spent. */
export async function takeChallengeAttempt(scope: TenantScope, token: string, now = Date.now()): Promise<{ userId: string } | null> {
	const id = tokenId(token);
	const [row] = await scope.db
		.update(mfaChallenges)
		.set({ attempts: sql`${mfaChallenges.attempts} + 1` })
		.where(
			scope.where(
				mfaChallenges,
				eq(mfaChallenges.id, id),
				gt(mfaChallenges.expiresAt, now),
				lt(mfaChallenges.attempts, MAX_CHALLENGE_ATTEMPTS),
			),
		)
		.returning({ userId: mfaChallenges.userId });
	return row ?? null;
}

/** Uses the challenge up; false if another request already did. */
export async function spendChallenge(scope: TenantScope, token: string): Promise<boolean> {
	const deleted = await scope.delete(mfaChallenges, eq(mfaChallenges.id, tokenId(token))).returning({ id: mfaChallenges.id });
	return deleted.length === 1;
}

/** The user of a live challenge of this tenant that still allows attempts, without counting one; null otherwise. */
export async function peekChallenge(scope: TenantScope, token: string, now = Date.now()): Promise<{ userId: string } | null> {
	const [row] = await scope.db
		.select({ userId: mfaChallenges.userId })
		.from(mfaChallenges)
		.where(
			scope.where(
				mfaChallenges,
				eq(mfaChallenges.id, tokenId(token)),
				gt(mfaChallenges.expiresAt, now),
				lt(mfaChallenges.attempts, MAX_CHALLENGE_ATTEMPTS),
			),
		)
		.limit(1);
	return row ?? null;
}
