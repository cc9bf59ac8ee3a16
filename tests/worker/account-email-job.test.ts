/** The account-email job is safe to run twice: one email per idempotency key, and no second live token. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { type Agency, signUpAgency, uniqueSlug } from "../support/agencies";
import { countEmails, tokenIn, waitForEmail } from "../support/mailbox";
import { runJobs } from "../support/queue";

let acme: Agency;
/** The owner's address, unique per test (the tests of this file share storage and mailbox). */
let ann: string;
beforeEach(async () => {
	const slug = uniqueSlug("acme");
	ann = `ann@${slug}.test`;
	acme = await signUpAgency(slug, { email: ann });
	// Let sign-up's own emails land first, so the counts below are about these jobs only.
	await waitForEmail(ann, /^Confirm your email/);
});

/** Live tokens of `purpose` in the test's own agency. */
async function liveTokens(purpose: string): Promise<number> {
	const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM account_tokens WHERE tenant_id = ? AND purpose = ?")
		.bind(acme.tenantId, purpose)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

describe("account-email job", () => {
	it("sends a new-device alert once however often it runs", async () => {
		const job: Job = {
			type: "account-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			kind: "new_device",
			idempotencyKey: "new-device:test",
			signIn: { device: "Firefox on Linux", place: "Lisbon, PT", ip: "192.0.2.4", at: Date.UTC(2026, 10, 23, 9, 0) },
		};
		expect((await runJobs([job])).explicitAcks).toHaveLength(1);
		expect((await runJobs([job])).explicitAcks).toHaveLength(1);
		const email = await waitForEmail(ann, /^New sign-in/);
		expect(email.text).toContain("Firefox on Linux (Lisbon, PT, 192.0.2.4) at 2026-11-23 09:00 UTC");
		expect(await countEmails(ann, /^New sign-in/)).toBe(1);
	});

	it("mints one reset token for one key, and the emailed one works", async () => {
		const before = await liveTokens("password_reset");
		const job: Job = {
			type: "account-email",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			kind: "password_reset",
			idempotencyKey: "password-reset:test",
		};
		await runJobs([job]);
		await runJobs([job]);
		expect((await liveTokens("password_reset")) - before).toBe(1);
		expect(await countEmails(ann, /^Reset your/)).toBe(1);
		expect(tokenIn(await waitForEmail(ann, /^Reset your/))).toMatch(/^[a-z2-7]{32}$/);
	});
});
