/**
 * Password hashing with Argon2id at OWASP's first-choice parameters (m=19 MiB, t=2, p=1), in pure
 * JavaScript (@noble/hashes) because Workers cannot compile WebAssembly at run time and cap PBKDF2
 * at 100,000 iterations, below OWASP's 600,000. Stored as `argon2id$m$t$p$salt$hash` (base64), so
 * parameters can rise later without breaking older hashes: a check always uses the stored ones.
 *
 * Test runs sign up hundreds of accounts, so they may ask for a cheaper cost of the same algorithm
 * with `PASSWORD_HASH_COST=test-run`, honoured only under `ENVIRONMENT=development`: a deployment
 * (ENVIRONMENT=production in wrangler.toml) always hashes at the standard cost, whatever it is sent.
 */
import { argon2id } from "@noble/hashes/argon2.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

export type PasswordCost = { readonly m: number; readonly t: number; readonly p: number };
/** OWASP's first choice for Argon2id: what every deployment uses. */
export const STANDARD_PASSWORD_COST: PasswordCost = { m: 19_456, t: 2, p: 1 };
/** The same algorithm, cheap: for test runs only (see the header). */
const TEST_RUN_PASSWORD_COST: PasswordCost = { m: 256, t: 1, p: 1 };
const DK_LEN = 32;
const encoder = new TextEncoder();

type CostSettings = { ENVIRONMENT?: string; PASSWORD_HASH_COST?: string };

/** The cost new hashes are made at for these settings: the test-run cost only in development. */
export function passwordCostFor(settings: CostSettings): PasswordCost {
	const testRun = settings.ENVIRONMENT === "development" && settings.PASSWORD_HASH_COST === "test-run";
	return testRun ? TEST_RUN_PASSWORD_COST : STANDARD_PASSWORD_COST;
}

let currentCost = STANDARD_PASSWORD_COST;

/** Sets the cost of new hashes from the Worker's configuration (called on each entry; it is constant per deployment). */
export function applyPasswordCost(settings: CostSettings): void {
	currentCost = passwordCostFor(settings);
}

function derive(password: string, salt: Uint8Array, m: number, t: number, p: number, dkLen: number): Uint8Array {
	return argon2id(encoder.encode(password.normalize("NFKC")), salt, { m, t, p, dkLen });
}

export async function hashPassword(password: string): Promise<string> {
	const salt = new Uint8Array(16);
	crypto.getRandomValues(salt);
	const { m, t, p } = currentCost;
	const hash = derive(password, salt, m, t, p, DK_LEN);
	return ["argon2id", m, t, p, encodeBase64(salt), encodeBase64(hash)].join("$");
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
