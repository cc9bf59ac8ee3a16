/** Ids, tokens, password hashes and email escaping: the small pieces security rests on. */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail } from "../../worker/lib/email/render";
import { newId } from "../../worker/lib/ids";
import { applyPasswordCost, hashPassword, passwordCostFor, STANDARD_PASSWORD_COST, verifyPassword } from "../../worker/lib/passwords";
import { generateToken, tokenId } from "../../worker/lib/tokens";

describe("newId", () => {
	it("makes UUIDv7 ids that sort by creation time", () => {
		const a = newId(1_700_000_000_000);
		const b = newId(1_700_000_000_001);
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(a < b).toBe(true);
		expect(newId(5)).not.toBe(newId(5));
	});
});

describe("tokens", () => {
	it("are 160-bit base32 and stored only as their SHA-256", () => {
		const token = generateToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(tokenId(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(tokenId(token)).toBe(tokenId(token));
		expect(generateToken()).not.toBe(token);
	});
});

describe("passwords", () => {
	it("hash with Argon2id and a fresh salt, and verify only the right password", async () => {
		const first = await hashPassword("correct horse battery");
		const second = await hashPassword("correct horse battery");
		expect(first).toMatch(/^argon2id\$19456\$2\$1\$/);
		expect(first).not.toBe(second);
		expect(await verifyPassword(first, "correct horse battery")).toBe(true);
		expect(await verifyPassword(first, "correct horse batterY")).toBe(false);
		expect(await verifyPassword("plain-text", "plain-text")).toBe(false);
	});

	it("use the standard cost everywhere but a development test run, whatever a deployment is sent", async () => {
		expect(passwordCostFor({})).toEqual(STANDARD_PASSWORD_COST);
		expect(passwordCostFor({ ENVIRONMENT: "production", PASSWORD_HASH_COST: "test-run" })).toEqual(STANDARD_PASSWORD_COST);
		expect(passwordCostFor({ ENVIRONMENT: "development" })).toEqual(STANDARD_PASSWORD_COST);
		expect(passwordCostFor({ ENVIRONMENT: "development", PASSWORD_HASH_COST: "test-run" }).m).toBeLessThan(STANDARD_PASSWORD_COST.m);
		// What a deployment runs with: wrangler.toml says production and never asks for the test-run cost.
		const wrangler = readFileSync("wrangler.toml", "utf8");
		expect(wrangler).toMatch(/^ENVIRONMENT = "production"$/m);
		expect(wrangler).not.toContain("PASSWORD_HASH_COST");
	});

	it("check a hash made at the test-run cost with its own stored parameters, then go back to the standard cost", async () => {
		applyPasswordCost({ ENVIRONMENT: "development", PASSWORD_HASH_COST: "test-run" });
		const cheap = await hashPassword("correct horse battery");
		applyPasswordCost({ ENVIRONMENT: "production", PASSWORD_HASH_COST: "test-run" });
		expect(cheap).toMatch(/^argon2id\$256\$1\$1\$/);
		expect(await verifyPassword(cheap, "correct horse battery")).toBe(true);
		expect(await hashPassword("correct horse battery")).toMatch(/^argon2id\$19456\$2\$1\$/);
	});

	it("treat equivalent Unicode forms of a password as the same password", async () => {
		const hash = await hashPassword("caf\u00e9 au lait!");
		expect(await verifyPassword(hash, "cafe\u0301 au lait!")).toBe(true);
	});
});

describe("email rendering", () => {
	it("escapes every value placed into HTML", () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
		const email = renderEmail({
			subject: "s",
			heading: "<script>",
			paragraphs: ["a & b"],
			action: { label: "Go", url: "https://x.test/?a=1&b=2" },
		});
		expect(email.html).not.toContain("<script>");
		expect(email.html).toContain("a &#38; b");
		expect(email.text).toContain("Go: https://x.test/?a=1&b=2");
	});
});
