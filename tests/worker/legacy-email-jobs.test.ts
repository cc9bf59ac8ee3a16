/**
 * Email jobs queued before their URL fields were dropped (`baseUrl`, `tenantUrl`, `acceptUrl`, which
 * the request that caused them used to fill from its own Host) still run, and their links still go
 * to the agency's canonical address: the old field is read by nothing.
 */
import { describe, expect, it } from "vitest";
import { signUpUniqueAgency } from "../support/agencies";
import { waitForEmails } from "../support/mailbox";
import { runJobs } from "../support/queue";

const EVIL = "http://evil.example:6666";
const linksIn = (text: string) => [...text.matchAll(/https?:\/\/[^\s)>"]+/g)].map((m) => m[0]);

describe("email jobs that still carry a request's URL", () => {
	it("run, and link to the agency's canonical address instead", async () => {
		const agency = await signUpUniqueAgency("legacyjobs");
		const legacy = [
			{
				type: "account-email",
				tenantId: agency.tenantId,
				userId: agency.owner.id,
				kind: "password_reset",
				baseUrl: EVIL,
				idempotencyKey: `legacy-reset:${agency.owner.id}`,
			},
			{
				type: "welcome-email",
				tenantId: agency.tenantId,
				userId: agency.owner.id,
				tenantUrl: `${EVIL}/`,
				idempotencyKey: `legacy-welcome:${agency.owner.id}`,
			},
		];
		const result = await runJobs(legacy);
		expect(result.explicitAcks).toHaveLength(2);
		expect(result.retryMessages).toEqual([]);
		// One reset (this job's), and two welcomes: the sign-up's own and this job's.
		const emails = [
			...(await waitForEmails(agency.owner.email, /^Reset your .* password$/, 1)),
			...(await waitForEmails(agency.owner.email, /^Welcome to Atrium/, 2)),
		];
		for (const email of emails) {
			const links = linksIn(email.text);
			expect(links.length).toBeGreaterThan(0);
			for (const link of links) expect(link.startsWith(`http://${agency.slug}.localhost/`), link).toBe(true);
		}
	});
});
