/**
 * API key strings: `atr_<prefix>_<secret>`, an 8-character lookup prefix and a 160-bit secret, both
 * base32 lower-case. Only the secret's SHA-256 is stored; it is compared in constant time.
 */
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { generateToken, tokenId } from "./tokens";

const KEY_SHAPE = /^atr_([a-z2-7]{8})_([a-z2-7]{32})$/;

export type ParsedApiKey = { prefix: string; secret: string };

export function generateApiKey(): ParsedApiKey & { key: string } {
	const bytes = new Uint8Array(5);
	crypto.getRandomValues(bytes);
	const prefix = encodeBase32LowerCaseNoPadding(bytes);
	const secret = generateToken();
	return { prefix, secret, key: `atr_${prefix}_${secret}` };
}

export function parseApiKey(key: string): ParsedApiKey | null {
	const match = KEY_SHAPE.exec(key);
	return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : null;
}

export function hashApiKeySecret(secret: string): string {
	return tokenId(secret);
}

export function secretMatches(secret: string, storedHash: string): boolean {
	const encoder = new TextEncoder();
	const actual = encoder.encode(hashApiKeySecret(secret));
	const expected = encoder.encode(storedHash);
	return actual.length === expected.length && constantTimeEqual(actual, expected);
}
