/**
 * The hosted lead form page on the agency's address (/f/<formId>): the agency's brand, the form's
 * fields, consents and hidden fields, a fresh signed stamp, the Turnstile widget from the configured
 * verifier (and a CSP that lets it load), its thank-you page; 404 for drafts and other agencies' ids.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { clients } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import { setFormStatus } from "../../worker/services/crm/forms/forms";
import { openRenderStamp } from "../../worker/services/crm/forms/render-stamp";
import { FAKE_TURNSTILE } from "../fakes/turnstile";
import type { Agency } from "../support/agencies";
import { call, freshIp } from "../support/http";
import {
	createClient,
	freshAgency,
	leadsOf,
	publishedForm,
	refusalsOf,
	scopeOf,
	submitFormEncoded,
	turnstileToken,
} from "./crm-form-fixtures";

const turnstileUrl = inject("turnstileUrl");

let agency: Agency;
let clientId: string;

beforeAll(async () => {
	agency = await freshAgency();
	clientId = await createClient(agency);
});

/** The value of the named input in the page's HTML. */
function inputValue(html: string, name: string): string | null {
	const match = new RegExp(`<input type="hidden" name="${name.replace(".", "\\.")}" value="([^"]*)">`).exec(html);
	return match?.[1]?.replaceAll("&#43;", "+").replaceAll("&#61;", "=") ?? null;
}

describe("GET /f/<formId>", () => {
	it("shows the form in the agency's name with its fields, consents, hidden fields, a fresh stamp and the Turnstile widget", async () => {
		const form = await publishedForm(agency, clientId);
		const res = await call(agency.host, `/f/${form.id}?campaign=newsletter`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`Agency ${agency.slug}`);
		expect(html).toContain("<h1>Get a quote</h1>");
		expect(html).toContain(`<form method="post" action="/api/forms/${form.id}/submissions">`);
		expect(html).toContain('<input id="f-email" name="email" type="email" maxlength="500" autocomplete="email" required>');
		expect(html).toContain('<label for="c-marketing">Yes, email me about offers.</label>');
		expect(inputValue(html, "hidden.campaign")).toBe("newsletter");
		expect(html).toContain('name="website_url" tabindex="-1"');
		expect(html).toContain(`<script src="${turnstileUrl}/turnstile/v0/api.js" async defer></script>`);
		expect(html).toContain(`<div class="cf-turnstile" data-sitekey="${FAKE_TURNSTILE.siteKey}"></div>`);
		const stamp = await openRenderStamp(agency.tenantId, form.id, inputValue(html, "_stamp") ?? undefined);
		expect(stamp?.renderedAt).toBeGreaterThan(Date.now() - 60_000);
		const csp = res.headers.get("Content-Security-Policy") ?? "";
		expect(csp).toContain(`script-src 'self' ${turnstileUrl}`);
		expect(csp).toContain(`frame-src ${turnstileUrl}`);
		expect(res.headers.get("Cache-Control")).toBe("no-store");
	});

	it("its stamp is the page's: sent back at once it is refused as too fast, and nothing is stored", async () => {
		const form = await publishedForm(agency, clientId);
		const html = await (await call(agency.host, `/f/${form.id}`)).text();
		const body = {
			email: "sam@example.com",
			"consent.marketing": "on",
			_stamp: inputValue(html, "_stamp") ?? "",
			"cf-turnstile-response": await turnstileToken(),
		};
		const res = await submitFormEncoded(agency, form.id, body, freshIp());
		expect(res.status).toBe(400);
		expect(await leadsOf(agency, form.id)).toEqual([]);
		expect(await refusalsOf(agency, form.id)).toEqual({ too_fast: 1 });
	});

	it("a draft, another agency's form id and an unknown form are 404; a paused client's form says it is paused", async () => {
		const form = await publishedForm(agency, clientId);
		const other = await freshAgency();
		expect((await call(other.host, `/f/${form.id}`)).status).toBe(404);
		expect((await call(agency.host, "/f/no-such-form")).status).toBe(404);
		const pausedClient = await createClient(agency, "Sleepy Co");
		const pausedForm = await publishedForm(agency, pausedClient);
		await createDb(env.DB).update(clients).set({ status: "paused" }).where(eq(clients.id, pausedClient));
		const paused = await call(agency.host, `/f/${pausedForm.id}`);
		expect(paused.status).toBe(403);
		expect(await paused.text()).toContain("The business behind this form has paused it.");
		expect(await refusalsOf(agency, pausedForm.id)).toEqual({});
		await setFormStatus(scopeOf(agency), form.id, "draft");
		expect((await call(agency.host, `/f/${form.id}`)).status).toBe(404);
	});
});

describe("GET /f/<formId>/thanks", () => {
	it("shows the form's thank-you message in the agency's name", async () => {
		const form = await publishedForm(agency, clientId, { success: { kind: "message", message: "Thanks! Talk soon." } });
		const res = await call(agency.host, `/f/${form.id}/thanks`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<p role="status">Thanks! Talk soon.</p>');
		expect(html).toContain(`Agency ${agency.slug}`);
	});
});
