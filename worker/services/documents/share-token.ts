/**
 * Share-link tokens: `<shareId>.<signature>`, the signature an HMAC-SHA256 (secret from config) over
 * the tenant, the share and its expiry. A token names its tenant through the signature, so it never
 * verifies on another agency's host, and a token whose expiry was altered never verifies at all.
 */
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { Problem } from "../../lib/problem";

const encoder = new TextEncoder();

async function hmac(secret: string, message: string): Promise<Uint8Array> {
	const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
	return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

function signedText(tenantId: string, shareId: string, expiresAt: number): string {
	return `share:v1:${tenantId}:${shareId}:${expiresAt}`;
}

/** The secret, or 503 when the deployment has none configured. */
export function shareSecret(secret: string | undefined): string {
	if (!secret || secret.length < 16) {
		throw new Problem(
			503,
			"share-links-unconfigured",
			"Share links are not set up",
			"SHARE_LINK_SECRET is not configured on this deployment.",
		);
	}
	return secret;
}

export async function signShareToken(secret: string, tenantId: string, shareId: string, expiresAt: number): Promise<string> {
	return `${shareId}.${encodeBase64urlNoPadding(await hmac(secret, signedText(tenantId, shareId, expiresAt)))}`;
}

/** The share id a token names (unverified), or null when it is not shaped like one. */
export function shareIdOf(token: string): string | null {
	const [id, signature, extra] = token.split(".");
	return id && signature && extra === undefined ? id : null;
}

export async function verifyShareToken(secret: string, token: string, tenantId: string, expiresAt: number): Promise<boolean> {
	const [id, signature] = token.split(".");
	if (!id || !signature) return false;
	let given: Uint8Array;
	try {
		given = decodeBase64urlIgnorePadding(signature);
	} catch {
		return false;
	}
	const expected = await hmac(secret, signedText(tenantId, id, expiresAt));
	return given.length === expected.length && constantTimeEqual(given, expected);
}
