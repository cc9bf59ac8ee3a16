/** The account-email job is safe to run twice: one email per idempotency key, and no second live token. */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";
import { resetStorageBeforeEachTest } from "../support/storage";
import { type Agency, signUpAgency } from "./helpers";
import { countEmails, tokenIn, waitForEmail } from "./mailbox";

// Legacy: these tests reuse agency slugs or count rows of every tenant, so each starts from empty
// storage (~0.2 s a test) until converted to unique slugs (tests/support/README.md).
resetStorageBeforeEachTest();

let acme: Agency;
beforeEach(async () => {
	acme = await signUpAgency("acme", { email: "ann@acme.test" });
	// Let sign-up's own emails land first, so the counts below are about these jobs only.
	await waitForEmail("ann@acme.test", /^Confirm your email/);
});

async function run(job: Job) {
	const batch = createMessageBatch("atrium-jobs", [{ id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: job }]);
	const ctx = createExecutionContext();
	await worker.queue(batch as MessageBatch<unknown>, env, ctx);
	return getQueueResult(batch, ctx);
}

async function liveTokens(purpose: string): Promise<number> {
	const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM account_tokens WHERE purpose = ?").bind(purpose).first<{ n: number }>();
	return row?.n ?? 0;
}

describe("account-email job", () => {
	it("sends a new-device alert once however often it runs", async () => {
		const job: Job = {
			type: "account-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			kind: "new_device",
			baseUrl: "http://acme.localhost",
			idempotencyKey: "new-device:test",
			signIn: { device: "Firefox on Linux", place: "Lisbon, PT", ip: "192.0.2.4", at: Date.UTC(2026, 10, 23, 9, 0) },
		};
		expect((await run(job)).explicitAcks).toHaveLength(1);
		expect((await run(job)).explicitAcks).toHaveLength(1);
		const email = await waitForEmail("ann@acme.test", /^New sign-in/);
		expect(email.text).toContain("Firefox on Linux (Lisbon, PT, 192.0.2.4) at 2026-11-23 09:00 UTC");
		expect(await countEmails("ann@acme.test", /^New sign-in/)).toBe(1);
	});

	it("mints one reset token for one key, and the emailed one works", async () => {
		const before = await liveTokens("password_reset");
		const job: Job = {
			type: "account-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			kind: "password_reset",
			baseUrl: "http://acme.localhost",
			idempotencyKey: "password-reset:test",
		};
		await run(job);
		await run(job);
		expect((await liveTokens("password_reset")) - before).toBe(1);
		expect(await countEmails("ann@acme.test", /^Reset your/)).toBe(1);
		expect(tokenIn(await waitForEmail("ann@acme.test", /^Reset your/))).toMatch(/^[a-z2-7]{32}$/);
	});
});
