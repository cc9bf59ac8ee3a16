/** Random secret tokens and the SHA-256 digests under which they are stored (Lucia's session design). */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** A 160-bit random token, base32 lower-case: safe in cookies and URL fragments. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The id a token is stored under: hex SHA-256, so a leaked table holds no usable tokens. */
export function tokenId(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A short public identifier (80 random bits, base32): names a record in URLs without being a secret. */
export function generatePublicId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
