/**
 * Server-side WebAuthn challenges: random, stored as SHA-256 with their purpose, user and a
 * five-minute expiry, and deleted as they are used, so each one answers exactly one ceremony.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { eq, gt, isNull } from "drizzle-orm";
import { type WebAuthnPurpose, webauthnChallenges } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { tokenId } from "../../lib/tokens";

export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60_000;

export async function issueWebAuthnChallenge(
	scope: TenantScope,
	purpose: WebAuthnPurpose,
	userId: string | null,
	now = Date.now(),
): Promise<string> {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	const challenge = encodeBase64urlNoPadding(bytes);
	await scope.insert(webauthnChallenges, {
		id: tokenId(challenge),
		userId,
		purpose,
		expiresAt: now + WEBAUTHN_CHALLENGE_TTL_MS,
		createdAt: now,
	});
	return challenge;
}

/** The challenge the browser signed over, read from its clientDataJSON; null when unreadable. */
export function challengeOf(clientDataJSON: string): string | null {
	try {
		const data: unknown = JSON.parse(new TextDecoder().decode(decodeBase64urlIgnorePadding(clientDataJSON)));
		const challenge = data && typeof data === "object" ? (data as { challenge?: unknown }).challenge : undefined;
		return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 200 ? challenge : null;
	} catch {
		return null;
	}
}

/** Deletes a live challenge of this tenant, purpose and user; true only for the one request that did. */
export async function consumeWebAuthnChallenge(
	scope: TenantScope,
	challenge: string,
	purpose: WebAuthnPurpose,
	userId: string | null,
	now = Date.now(),
): Promise<boolean> {
	const deleted = await scope
		.delete(
			webauthnChallenges,
			eq(webauthnChallenges.id, tokenId(challenge)),
			eq(webauthnChallenges.purpose, purpose),
			userId === null ? isNull(webauthnChallenges.userId) : eq(webauthnChallenges.userId, userId),
			gt(webauthnChallenges.expiresAt, now),
		)
		.returning({ id: webauthnChallenges.id });
	return deleted.length === 1;
}
