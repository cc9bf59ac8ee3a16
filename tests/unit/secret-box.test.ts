/** Secrets at rest: AES-GCM sealing bound to its row, key rotation by key id, tampering refused. */
import { describe, expect, it } from "vitest";
import { openSecret, parseKeyRing, sealSecret } from "../../worker/lib/secret-box";

const OLD = "k1:LZy04sXRXEUI7orrzN+XJrK3eAaWBKD8949BayWJYbU=";
const NEW = "k2:J1QLl0x0DZvu2L2hA+7U0z18dG4780NnwHNIh92yWjw=";

describe("secret box", () => {
	it("seals with a fresh IV under the current key and opens only with the same context", async () => {
		const ring = await parseKeyRing(NEW);
		const a = await sealSecret(ring, "JBSWY3DPEHPK3PXP", "totp:t1:u1");
		const b = await sealSecret(ring, "JBSWY3DPEHPK3PXP", "totp:t1:u1");
		expect(a).toMatch(/^enc:v1:k2:/);
		expect(a).not.toBe(b);
		expect(a).not.toContain("JBSWY3DPEHPK3PXP");
		expect(await openSecret(ring, a, "totp:t1:u1")).toEqual({ plaintext: "JBSWY3DPEHPK3PXP", needsReseal: false });
		// Copied onto another user's row, it does not open.
		await expect(openSecret(ring, a, "totp:t1:u2")).rejects.toThrow();
		const tampered = `${a.slice(0, -2)}${a.endsWith("AA") ? "BB" : "AA"}`;
		await expect(openSecret(ring, tampered, "totp:t1:u1")).rejects.toThrow();
	});

	it("rotates: values under an older key still open and ask to be resealed; plaintext rows too", async () => {
		const before = await sealSecret(await parseKeyRing(OLD), "client-secret", "sso-client-secret:t1");
		const rotated = await parseKeyRing(`${NEW},${OLD}`);
		expect(await openSecret(rotated, before, "sso-client-secret:t1")).toEqual({ plaintext: "client-secret", needsReseal: true });
		expect(await openSecret(rotated, "legacy-plain", "sso-client-secret:t1")).toEqual({ plaintext: "legacy-plain", needsReseal: true });
		// Once the old key is dropped from the ring, its values no longer open.
		await expect(openSecret(await parseKeyRing(NEW), before, "sso-client-secret:t1")).rejects.toThrow(/k1/);
	});

	it("refuses a malformed key ring", async () => {
		await expect(parseKeyRing("")).rejects.toThrow();
		await expect(parseKeyRing("k1:c2hvcnQ=")).rejects.toThrow(/32 bytes/);
		await expect(parseKeyRing("no-key-material")).rejects.toThrow();
	});
});
