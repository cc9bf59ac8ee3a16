/**
 * VAPID key pairs for local runs and tests: a P-256 pair as Web Push wants it (public key: the
 * base64url uncompressed point; private key: the base64url `d`). `npm start` keeps one pair in the
 * local state directory so devices subscribed yesterday still receive today's pushes.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export type VapidKeyPair = { publicKey: string; privateKey: string };

export async function generateVapidKeys(): Promise<VapidKeyPair> {
	const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
	const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
	const jwk = await crypto.subtle.exportKey("jwk", pair.privateKey);
	if (!jwk.d) throw new Error("the generated private key has no d");
	return { publicKey: Buffer.from(raw).toString("base64url"), privateKey: jwk.d };
}

export async function loadOrCreateVapidKeys(file: string): Promise<VapidKeyPair> {
	if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as VapidKeyPair;
	const keys = await generateVapidKeys();
	await mkdir(dirname(file), { recursive: true });
	await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
	return keys;
}
