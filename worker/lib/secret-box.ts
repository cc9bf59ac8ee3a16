/**
 * Encryption of secrets Atrium must read back (TOTP shared secrets, agencies' SSO client secrets):
 * AES-256-GCM through SubtleCrypto, a fresh 96-bit IV per value, and associated data naming the
 * row the value belongs to, so a ciphertext copied onto another row does not open. Stored as
 * `enc:v1:<keyId>:<iv>:<ciphertext>` (base64url): the key id lets keys rotate — the ring's first
 * key seals, every key in it opens. A value without the prefix is a row from before encryption
 * and is returned as is, flagged for resealing.
 */
import { decodeBase64, decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

const PREFIX = "enc:v1:";

export type SecretKey = { id: string; key: CryptoKey };
/** The first key seals new values; all of them open stored ones. */
export type KeyRing = readonly [SecretKey, ...SecretKey[]];

export type OpenedSecret = { plaintext: string; needsReseal: boolean };

/**
 * Reads a ring from configuration text: `id:base64key[,id:base64key…]`, each key 32 bytes, the
 * current key first. Throws on anything malformed (a misconfigured key must not pass silently).
 */
export async function parseKeyRing(text: string): Promise<KeyRing> {
	const keys: SecretKey[] = [];
	for (const entry of text
		.split(",")
		.map((e) => e.trim())
		.filter(Boolean)) {
		const [id, material, ...rest] = entry.split(":");
		if (!id || !material || rest.length > 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error("Key ring entries are id:base64key");
		const raw = new Uint8Array(decodeBase64(material));
		if (raw.length !== 32) throw new Error(`Key ${id} must be 32 bytes`);
		keys.push({ id, key: await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]) });
	}
	const [first, ...others] = keys;
	if (!first) throw new Error("The key ring is empty");
	return [first, ...others];
}

/** Encrypts under the ring's current key, bound to `context` (e.g. `totp:<tenant>:<user>`). */
export async function sealSecret(ring: KeyRing, plaintext: string, context: string): Promise<string> {
	const [current] = ring;
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const sealed = await crypto.subtle.encrypt(
		{ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context) },
		current.key,
		new TextEncoder().encode(plaintext),
	);
	return `${PREFIX}${current.id}:${encodeBase64urlNoPadding(iv)}:${encodeBase64urlNoPadding(new Uint8Array(sealed))}`;
}

export function isSealed(stored: string): boolean {
	return stored.startsWith(PREFIX);
}

/**
 * The plaintext of a stored value; `needsReseal` when it was plaintext or sealed under an older
 * key. Throws when the key is not in the ring or the value or context was tampered with.
 */
export async function openSecret(ring: KeyRing, stored: string, context: string): Promise<OpenedSecret> {
	if (!isSealed(stored)) return { plaintext: stored, needsReseal: true };
	const [keyId, iv, ciphertext] = stored.slice(PREFIX.length).split(":");
	const entry = ring.find((k) => k.id === keyId);
	if (!entry || !iv || !ciphertext) throw new Error(`Stored secret needs key "${keyId}", which is not configured`);
	const opened = await crypto.subtle.decrypt(
		{ name: "AES-GCM", iv: new Uint8Array(decodeBase64urlIgnorePadding(iv)), additionalData: new TextEncoder().encode(context) },
		entry.key,
		new Uint8Array(decodeBase64urlIgnorePadding(ciphertext)),
	);
	return { plaintext: new TextDecoder().decode(opened), needsReseal: entry !== ring[0] };
}
