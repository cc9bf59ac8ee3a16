/**
 * The deployment's key ring for secrets at rest (worker/lib/secret-box.ts), from the Worker secret
 * `DATA_ENCRYPTION_KEYS` (`id:base64-32-bytes[,older…]`, current first; `wrangler secret put`).
 * Under `ENVIRONMENT=development` (npm start, tests) a fixed, public development key stands in
 * when none is set: it protects nothing and must never be used in production. Without a key in
 * production, storing or reading such a secret answers 503. Parsed once per isolate.
 */
import { env } from "cloudflare:workers";
import type { Bindings } from "../env";
import { Problem } from "./problem";
import { type KeyRing, openSecret, parseKeyRing, sealSecret } from "./secret-box";

/** Development only (public in this repository): never protects production data. */
export const DEVELOPMENT_KEY_RING = "dev:J1QLl0x0DZvu2L2hA+7U0z18dG4780NnwHNIh92yWjw=";

let ringPromise: Promise<KeyRing> | null = null;
let ringSource: string | null = null;

function configuredRingText(): string {
	const bindings: Pick<Bindings, "DATA_ENCRYPTION_KEYS" | "ENVIRONMENT"> = env;
	if (bindings.DATA_ENCRYPTION_KEYS) return bindings.DATA_ENCRYPTION_KEYS;
	if (bindings.ENVIRONMENT === "development") return DEVELOPMENT_KEY_RING;
	throw new Problem(
		503,
		"encryption-unconfigured",
		"Encryption key missing",
		"DATA_ENCRYPTION_KEYS is not configured on this deployment, so secrets cannot be stored or read.",
	);
}

export function secretKeyRing(): Promise<KeyRing> {
	const text = configuredRingText();
	if (!ringPromise || ringSource !== text) {
		ringSource = text;
		ringPromise = parseKeyRing(text);
	}
	return ringPromise;
}

/** Seals a secret under the deployment's current key, bound to `context`. */
export async function sealStoredSecret(plaintext: string, context: string): Promise<string> {
	return sealSecret(await secretKeyRing(), plaintext, context);
}

/** Opens a stored secret (plaintext rows from before encryption pass through, flagged for resealing). */
export async function openStoredSecret(stored: string, context: string): Promise<{ plaintext: string; needsReseal: boolean }> {
	return openSecret(await secretKeyRing(), stored, context);
}

/** Associated data of the secrets Atrium stores: each names its row. */
export const secretContext = {
	totp: (tenantId: string, userId: string) => `totp:${tenantId}:${userId}`,
	ssoClientSecret: (tenantId: string) => `sso-client-secret:${tenantId}`,
	aiProviderKey: (tenantId: string, keyId: string) => `ai-provider-key:${tenantId}:${keyId}`,
};
