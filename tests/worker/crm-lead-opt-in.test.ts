/**
 * Double opt-in: a submission to a double opt-in form stores the lead pending and emails it a link
 * (through the job queue and the email outbox); the link's page confirms with one POST, once; an
 * expired or unknown token confirms nothing; another agency's host does not know the token.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { crmLeads } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import type { Agency } from "../support/agencies";
import { call, freshIp } from "../support/http";
import { tokenIn, waitForEmail } from "../support/mailbox";
import { freshAgency, goodSubmission, leadsOf, publishedForm, submit } from "./crm-form-fixtures";

let agency: Agency;

beforeAll(async () => {
	agency = await freshAgency();
});

function confirm(host: string, token: string): Promise<Response> {
	return call(host, "/f/opt-in", {
		method: "POST",
		rawBody: new URLSearchParams({ token }).toString(),
		headers: { "Content-Type": "application/x-www-form-urlencoded" },
	});
}

describe("double opt-in", () => {
	it("emails the lead a link whose page confirms it once; consent and answers are kept", async () => {
		const form = await publishedForm(agency, null, { doubleOptIn: true });
		const email = `lead-1@${agency.slug}.test`;
		const res = await submit(agency, form.id, await goodSubmission(agency, form.id, { email }), freshIp());
		expect(res.status).toBe(200);
		expect(((await res.json()) as { confirmEmail: boolean }).confirmEmail).toBe(true);
		const [pending] = await leadsOf(agency, form.id);
		expect(pending).toMatchObject({ optIn: "pending", optInConfirmedAt: null });
		const sent = await waitForEmail(email, /Confirm your email/);
		expect(sent.text).toContain('You sent "Get a quote"');
		const token = tokenIn(sent);
		const page = await call(agency.host, `/f/opt-in?token=${token}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('<button type="submit">Confirm my email</button>');
		// Opening the page (as a mail scanner would) confirms nothing.
		expect((await leadsOf(agency, form.id))[0]?.optIn).toBe("pending");
		expect(
			(
				await call((await freshAgency()).host, "/f/opt-in", {
					method: "POST",
					rawBody: `token=${token}`,
					headers: { "Content-Type": "application/x-www-form-urlencoded" },
				})
			).status,
		).toBe(404);
		const confirmed = await confirm(agency.host, token);
		expect(confirmed.status).toBe(200);
		expect(await confirmed.text()).toContain("your email address is confirmed");
		const [lead] = await leadsOf(agency, form.id);
		expect(lead).toMatchObject({ optIn: "confirmed", optInTokenHash: null });
		expect(lead?.optInConfirmedAt).toEqual(expect.any(Number));
		expect(lead?.consents.map((c) => c.wording)).toEqual(["Yes, email me about offers."]);
		const again = await confirm(agency.host, token);
		expect(again.status).toBe(404);
		expect((await leadsOf(agency, form.id))[0]?.optInConfirmedAt).toBe(lead?.optInConfirmedAt);
	});

	it("an expired link confirms nothing", async () => {
		const form = await publishedForm(agency, null, { doubleOptIn: true });
		const email = `lead-2@${agency.slug}.test`;
		expect((await submit(agency, form.id, await goodSubmission(agency, form.id, { email }), freshIp())).status).toBe(200);
		const token = tokenIn(await waitForEmail(email, /Confirm your email/));
		const [lead] = await leadsOf(agency, form.id);
		await createDb(env.DB)
			.update(crmLeads)
			.set({ optInExpiresAt: Date.now() - 1 })
			.where(eq(crmLeads.id, lead?.id ?? ""));
		const res = await confirm(agency.host, token);
		expect(res.status).toBe(410);
		expect((await leadsOf(agency, form.id))[0]?.optIn).toBe("pending");
	});

	it("a form without double opt-in sends no email and needs no confirmation", async () => {
		const form = await publishedForm(agency, null);
		expect(
			(await submit(agency, form.id, await goodSubmission(agency, form.id, { email: `lead-3@${agency.slug}.test` }), freshIp())).status,
		).toBe(200);
		expect((await leadsOf(agency, form.id))[0]).toMatchObject({ optIn: "not_required", optInTokenHash: null });
		expect((await confirm(agency.host, "a".repeat(32))).status).toBe(404);
	});
});
