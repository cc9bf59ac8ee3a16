/**
 * Password hashing with Argon2id at OWASP's first-choice parameters (m=19 MiB, t=2, p=1), in pure
 * JavaScript (@noble/hashes) because Workers cannot compile WebAssembly at run time and cap PBKDF2
 * at 100,000 iterations, below OWASP's 600,000. Stored as `argon2id$m$t$p$salt$hash` (base64), so
 * parameters can rise later without breaking older hashes.
 */
import { argon2id } from "@noble/hashes/argon2.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

const PARAMS = { m: 19_456, t: 2, p: 1, dkLen: 32 } as const;
const encoder = new TextEncoder();

function derive(password: string, salt: Uint8Array, m: number, t: number, p: number, dkLen: number): Uint8Array {
	return argon2id(encoder.encode(password.normalize("NFKC")), salt, { m, t, p, dkLen });
}

export async function hashPassword(password: string): Promise<string> {
	const salt = new Uint8Array(16);
	crypto.getRandomValues(salt);
	const hash = derive(password, salt, PARAMS.m, PARAMS.t, PARAMS.p, PARAMS.dkLen);
	return ["argon2id", PARAMS.m, PARAMS.t, PARAMS.p, encodeBase64(salt), encodeBase64(hash)].join("$");
}

/** Constant-time check of a password against a stored hash; a malformed hash never matches. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	const [scheme, m, t, p, saltB64, hashB64] = stored.split("$");
	if (scheme !== "argon2id" || !m || !t || !p || !saltB64 || !hashB64) return false;
	const expected = decodeBase64(hashB64);
	const actual = derive(password, decodeBase64(saltB64), Number(m), Number(t), Number(p), expected.length);
	return constantTimeEqual(actual, expected);
}

let decoyHash: Promise<string> | undefined;

/** A real hash of a random password, checked when no account matches so timing does not reveal which emails exist. */
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword(crypto.randomUUID());
	return decoyHash;
}
