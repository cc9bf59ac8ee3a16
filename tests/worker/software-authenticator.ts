/**
 * A software WebAuthn authenticator for tests: a WebCrypto P-256 key per credential, the CBOR
 * attestationObject (`fmt: "none"`) and authenticatorData built by hand, and ES256 signatures in
 * DER, so the Worker verifies real registration and assertion responses.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

type CborValue = number | string | Uint8Array | CborValue[] | Map<CborValue, CborValue>;

function head(major: number, length: number): number[] {
	if (length < 24) return [(major << 5) | length];
	if (length < 256) return [(major << 5) | 24, length];
	if (length < 65536) return [(major << 5) | 25, length >> 8, length & 0xff];
	return [(major << 5) | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

/** Minimal CBOR encoder: integers, text, bytes, arrays and maps (what WebAuthn structures need). */
export function cbor(value: CborValue): Uint8Array {
	const out: number[] = [];
	const write = (v: CborValue): void => {
		if (typeof v === "number") out.push(...(v >= 0 ? head(0, v) : head(1, -1 - v)));
		else if (typeof v === "string") {
			const bytes = new TextEncoder().encode(v);
			out.push(...head(3, bytes.length), ...bytes);
		} else if (v instanceof Uint8Array) out.push(...head(2, v.length), ...v);
		else if (Array.isArray(v)) {
			out.push(...head(4, v.length));
			for (const item of v) write(item);
		} else {
			out.push(...head(5, v.size));
			for (const [k, item] of v) {
				write(k);
				write(item);
			}
		}
	};
	write(value);
	return new Uint8Array(out);
}

const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
};

/** ECDSA raw r||s (WebCrypto) to the ASN.1 DER WebAuthn uses. */
function rawToDer(raw: Uint8Array): Uint8Array {
	const integer = (bytes: Uint8Array) => {
		let i = 0;
		while (i < bytes.length - 1 && bytes[i] === 0) i++;
		let trimmed = bytes.slice(i);
		if ((trimmed[0] ?? 0) & 0x80) trimmed = concat(new Uint8Array([0]), trimmed);
		return concat(new Uint8Array([0x02, trimmed.length]), trimmed);
	};
	const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
	return concat(new Uint8Array([0x30, body.length]), body);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export type SoftCredential = { id: Uint8Array; keys: CryptoKeyPair; userHandle: string; rpId: string; counter: number };

export type CeremonyOptions = { origin: string; rpId?: string; userVerified?: boolean; type?: string; challenge?: string };

function clientData(type: string, challenge: string, origin: string): string {
	return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false })));
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Uint8Array): Uint8Array {
	const count = new Uint8Array([(counter >>> 24) & 0xff, (counter >> 16) & 0xff, (counter >> 8) & 0xff, counter & 0xff]);
	return concat(sha256(new TextEncoder().encode(rpId)), new Uint8Array([flags]), count, attested ?? new Uint8Array());
}

/** Answers `navigator.credentials.create()` options: a new credential and its registration response JSON. */
export async function createCredential(
	options: { challenge: string; rp: { id?: string }; user: { id: string } },
	ceremony: CeremonyOptions,
): Promise<{ credential: SoftCredential; response: Record<string, unknown> }> {
	const rpId = ceremony.rpId ?? options.rp.id ?? "";
	const keys = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
	const jwk = (await crypto.subtle.exportKey("jwk", keys.publicKey)) as JsonWebKey;
	const coseKey = cbor(
		new Map<CborValue, CborValue>([
			[1, 2],
			[3, -7],
			[-1, 1],
			[-2, decodeBase64urlIgnorePadding(jwk.x ?? "")],
			[-3, decodeBase64urlIgnorePadding(jwk.y ?? "")],
		]),
	);
	const id = crypto.getRandomValues(new Uint8Array(16));
	const attested = concat(new Uint8Array(16), new Uint8Array([0, id.length]), id, coseKey);
	const flags = FLAG_UP | FLAG_AT | (ceremony.userVerified === false ? 0 : FLAG_UV);
	const authData = authenticatorData(rpId, flags, 0, attested);
	const attestationObject = cbor(
		new Map<CborValue, CborValue>([
			["fmt", "none"],
			["attStmt", new Map()],
			["authData", authData],
		]),
	);
	const credentialId = encodeBase64urlNoPadding(id);
	return {
		credential: { id, keys, userHandle: options.user.id, rpId, counter: 0 },
		response: {
			id: credentialId,
			rawId: credentialId,
			type: "public-key",
			response: {
				clientDataJSON: clientData(ceremony.type ?? "webauthn.create", ceremony.challenge ?? options.challenge, ceremony.origin),
				attestationObject: encodeBase64urlNoPadding(attestationObject),
				transports: ["internal"],
			},
			authenticatorAttachment: "platform",
			clientExtensionResults: {},
		},
	};
}

/** Answers `navigator.credentials.get()` options with an assertion signed by the credential (its counter goes up by one). */
export async function assert(
	credential: SoftCredential,
	options: { challenge: string },
	ceremony: CeremonyOptions & { counter?: number },
): Promise<Record<string, unknown>> {
	credential.counter = ceremony.counter ?? credential.counter + 1;
	const flags = FLAG_UP | (ceremony.userVerified === false ? 0 : FLAG_UV);
	const authData = authenticatorData(ceremony.rpId ?? credential.rpId, flags, credential.counter);
	const clientDataJSON = clientData(ceremony.type ?? "webauthn.get", ceremony.challenge ?? options.challenge, ceremony.origin);
	const signed = concat(authData, sha256(decodeBase64urlIgnorePadding(clientDataJSON)));
	const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, credential.keys.privateKey, signed));
	const id = encodeBase64urlNoPadding(credential.id);
	return {
		id,
		rawId: id,
		type: "public-key",
		response: {
			clientDataJSON,
			authenticatorData: encodeBase64urlNoPadding(authData),
			signature: encodeBase64urlNoPadding(rawToDer(raw)),
			userHandle: credential.userHandle,
		},
		authenticatorAttachment: "platform",
		clientExtensionResults: {},
	};
}
