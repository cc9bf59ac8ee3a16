/**
 * POST /api/forms/{formId}/submissions: each spam check passing and failing (honeypot, minimum
 * fill time, signed stamp, Turnstile through the local verifier), rate limits, idempotency, paused
 * client and restricted plan, cross-tenant ids, bad answers, and CORS for this endpoint only.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { MIN_FILL_MS } from "../../schema/crm-forms";
import { clients, subscriptions } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import { setFormStatus } from "../../worker/services/crm/forms/forms";
import { leadFormBuckets } from "../../worker/services/crm/forms/submit-lead-form";
import { TURNSTILE_TEST_KEYS } from "../fakes/turnstile";
import type { Agency } from "../support/agencies";
import { call, freshIp, problemOf } from "../support/http";
import {
	createClient,
	freshAgency,
	goodSubmission,
	leadsOf,
	publishedForm,
	refusalsOf,
	scopeOf,
	stampFor,
	submit,
	submitFormEncoded,
	turnstileToken,
} from "./crm-form-fixtures";

const GENERIC = {
	type: "https://atrium.dev/problems/submission-rejected",
	title: "Submission not accepted",
	status: 400,
	detail: "We could not accept this submission. Reload the form and try again.",
};

/** The refusal as a bot sees it: exactly the generic answer, whichever check failed. */
async function expectGenericRefusal(res: Response): Promise<void> {
	expect(res.status).toBe(400);
	const { requestId: _ignored, ...body } = (await res.json()) as Record<string, unknown>;
	expect(body).toEqual(GENERIC);
}

let agency: Agency;
let clientId: string;

beforeAll(async () => {
	agency = await freshAgency();
	clientId = await createClient(agency);
});

describe("a submission that passes every check", () => {
	it("stores one lead with mapped answers, consent wording and time, hidden fields and the workspace", async () => {
		const form = await publishedForm(agency, clientId);
		const before = Date.now();
		const res = await submit(agency, form.id, await goodSubmission(agency, form.id, { "hidden.campaign": "black-friday" }), freshIp());
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			status: "received",
			message: "Thanks, we will be in touch.",
			redirectUrl: null,
			confirmEmail: false,
		});
		const [lead, ...more] = await leadsOf(agency, form.id);
		expect(more).toEqual([]);
		expect(lead).toMatchObject({
			clientId,
			source: "form",
			status: "new",
			email: "pat@example.com",
			firstName: "Pat",
			values: { email: "Pat@Example.com", name: "Pat", budget: "5k+" },
			hidden: { campaign: "black-friday" },
			optIn: "not_required",
		});
		expect(lead?.consents).toEqual([{ key: "marketing", wording: "Yes, email me about offers.", acceptedAt: expect.any(Number) }]);
		expect(lead?.consents[0]?.acceptedAt).toBeGreaterThanOrEqual(before);
		expect(await refusalsOf(agency, form.id)).toEqual({});
	});

	it("answers a plain HTML POST with 303 to the thank-you page, or to the form's redirect", async () => {
		const thanks = await publishedForm(agency, clientId);
		const res = await submitFormEncoded(agency, thanks.id, await goodSubmission(agency, thanks.id), freshIp());
		expect(res.status).toBe(303);
		expect(res.headers.get("Location")).toBe(`/f/${thanks.id}/thanks`);
		const redirecting = await publishedForm(agency, null, { success: { kind: "redirect", url: "https://xylo.example/thanks" } });
		const redirected = await submitFormEncoded(agency, redirecting.id, await goodSubmission(agency, redirecting.id), freshIp());
		expect(redirected.status).toBe(303);
		expect(redirected.headers.get("Location")).toBe("https://xylo.example/thanks");
		expect((await leadsOf(agency, redirecting.id)).map((l) => l.clientId)).toEqual([null]);
		expect(await leadsOf(agency, thanks.id)).toHaveLength(1);
	});

	it("takes a re-sent submission (same stamp) once and answers it the same", async () => {
		const form = await publishedForm(agency, clientId);
		const body = await goodSubmission(agency, form.id);
		const first = await submit(agency, form.id, body, freshIp());
		// The widget token is spent now; the re-send is still recognised by its stamp.
		const again = await submit(agency, form.id, body, freshIp());
		const againForm = await submitFormEncoded(agency, form.id, body, freshIp());
		expect(first.status).toBe(200);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual(await first.json());
		expect(againForm.status).toBe(303);
		expect(await leadsOf(agency, form.id)).toHaveLength(1);
	});
});

describe("spam checks refuse with one generic answer, count the reason and store nothing", () => {
	it("honeypot: a filled hidden field", async () => {
		const form = await publishedForm(agency, clientId);
		await expectGenericRefusal(
			await submit(agency, form.id, await goodSubmission(agency, form.id, { website_url: "http://spam.example" }), freshIp()),
		);
		expect(await leadsOf(agency, form.id)).toEqual([]);
		expect(await refusalsOf(agency, form.id)).toEqual({ honeypot: 1 });
	});

	it("minimum fill time: sent sooner than the form allows after it was shown", async () => {
		const form = await publishedForm(agency, clientId);
		const tooFast = await goodSubmission(agency, form.id, { _stamp: await stampFor(agency, form.id, MIN_FILL_MS - 1500) });
		await expectGenericRefusal(await submit(agency, form.id, tooFast, freshIp()));
		const slowEnough = await goodSubmission(agency, form.id, { _stamp: await stampFor(agency, form.id, MIN_FILL_MS + 500) });
		expect((await submit(agency, form.id, slowEnough, freshIp())).status).toBe(200);
		expect(await leadsOf(agency, form.id)).toHaveLength(1);
		expect(await refusalsOf(agency, form.id)).toEqual({ too_fast: 1 });
	});

	it("signed stamp: missing, forged, another form's, or a day old", async () => {
		const form = await publishedForm(agency, clientId);
		const other = await publishedForm(agency, clientId);
		const stamp = await stampFor(agency, form.id);
		const [keyId, iv, sealed] = stamp.split(":").slice(-3);
		const forged = stamp.replace(`${keyId}:${iv}:${sealed}`, `${keyId}:${iv}:${sealed?.slice(0, -2)}AA`);
		for (const badStamp of ["", "1700000000000|0190a0a0-0000-7000-8000-000000000000", forged, await stampFor(agency, other.id)]) {
			await expectGenericRefusal(await submit(agency, form.id, await goodSubmission(agency, form.id, { _stamp: badStamp }), freshIp()));
		}
		const dayOld = await goodSubmission(agency, form.id, { _stamp: await stampFor(agency, form.id, 25 * 60 * 60 * 1000) });
		await expectGenericRefusal(await submit(agency, form.id, dayOld, freshIp()));
		expect(await leadsOf(agency, form.id)).toEqual([]);
		expect(await refusalsOf(agency, form.id)).toEqual({ bad_stamp: 4, stale: 1 });
	});

	it("Turnstile: missing, unknown, spent, expired and dummy tokens fail at the local verifier; a fresh one passes", async () => {
		const form = await publishedForm(agency, clientId);
		const spent = await turnstileToken();
		expect(
			(await submit(agency, form.id, await goodSubmission(agency, form.id, { "cf-turnstile-response": spent }), freshIp())).status,
		).toBe(200);
		const badTokens = [
			"",
			"fake.not-issued-by-the-widget",
			spent,
			await turnstileToken({ ageMs: 301_000 }),
			TURNSTILE_TEST_KEYS.dummyToken,
			"x".repeat(2049),
		];
		for (const token of badTokens) {
			await expectGenericRefusal(
				await submit(agency, form.id, await goodSubmission(agency, form.id, { "cf-turnstile-response": token }), freshIp()),
			);
		}
		expect(await leadsOf(agency, form.id)).toHaveLength(1);
		expect(await refusalsOf(agency, form.id)).toEqual({ turnstile: badTokens.length });
	});

	it("rate limit per IP: the 11th submission from one address in a burst is refused, valid or not; another address is not", async () => {
		const form = await publishedForm(agency, clientId);
		const ip = "203.0.113.77";
		for (let i = 0; i < 10; i++) await expectGenericRefusal(await submit(agency, form.id, {}, ip));
		await expectGenericRefusal(await submit(agency, form.id, await goodSubmission(agency, form.id), ip));
		expect((await submit(agency, form.id, await goodSubmission(agency, form.id), "203.0.113.78")).status).toBe(200);
		expect(await leadsOf(agency, form.id)).toHaveLength(1);
		expect(await refusalsOf(agency, form.id)).toEqual({ bad_stamp: 10, rate_limited: 1 });
	});

	it("rate limit per form: past the form's burst every address is refused; the agency's other forms are not", async () => {
		const other = await freshAgency();
		const form = await publishedForm(other, null);
		const sibling = await publishedForm(other, null);
		// A burst from many addresses spends the form's bucket (taken here as the submissions would).
		const [, formBucket] = leadFormBuckets(null, form.id);
		const gate = env.TENANT_GATE.getByName(other.tenantId);
		const left = await gate.take(formBucket.key, formBucket.rule, 0);
		if (left.allowed) await gate.take(formBucket.key, formBucket.rule, left.remaining);
		await expectGenericRefusal(await submit(other, form.id, await goodSubmission(other, form.id), "192.0.2.200"));
		expect((await submit(other, sibling.id, await goodSubmission(other, sibling.id), "192.0.2.201")).status).toBe(200);
		expect(await leadsOf(other, form.id)).toEqual([]);
		expect(await refusalsOf(other, form.id)).toEqual({ rate_limited: 1 });
	});
});

describe("forms that take no submissions answer clearly and store nothing", () => {
	it("a paused or archived client: 403 form-unavailable", async () => {
		const other = await freshAgency();
		const paused = await createClient(other, "Paused Co");
		const form = await publishedForm(other, paused);
		await createDb(env.DB).update(clients).set({ status: "paused" }).where(eq(clients.id, paused));
		const res = await submit(other, form.id, await goodSubmission(other, form.id), freshIp());
		expect(res.status).toBe(403);
		expect(await problemOf(res)).toMatchObject({
			type: "https://atrium.dev/problems/form-unavailable",
			detail: "The business behind this form has paused it.",
		});
		await createDb(env.DB).update(clients).set({ status: "archived" }).where(eq(clients.id, paused));
		expect((await submit(other, form.id, await goodSubmission(other, form.id), freshIp())).status).toBe(403);
		expect(await leadsOf(other, form.id)).toEqual([]);
		expect(await refusalsOf(other, form.id)).toEqual({ client_paused: 2 });
	});

	it("an agency whose plan is restricted for non-payment: 403 form-unavailable", async () => {
		const other = await freshAgency();
		const form = await publishedForm(other, null);
		const longAgo = Date.now() - 30 * 86_400_000;
		await createDb(env.DB)
			.insert(subscriptions)
			.values({
				tenantId: other.tenantId,
				stripeSubscriptionId: `sub_${other.tenantId}`,
				stripeCreatedAt: longAgo,
				status: "unpaid",
				planId: "pro",
				interval: "month",
				updatedAt: longAgo,
			});
		const res = await submit(other, form.id, await goodSubmission(other, form.id), freshIp());
		expect(res.status).toBe(403);
		expect((await problemOf(res)).detail).toMatch(/plan is in good standing/);
		expect(await leadsOf(other, form.id)).toEqual([]);
		expect(await refusalsOf(other, form.id)).toEqual({ plan_restricted: 1 });
	});

	it("a paused form: 403; a draft: 404", async () => {
		const form = await publishedForm(agency, clientId);
		await setFormStatus(scopeOf(agency), form.id, "paused");
		expect((await submit(agency, form.id, await goodSubmission(agency, form.id), freshIp())).status).toBe(403);
		await setFormStatus(scopeOf(agency), form.id, "draft");
		expect((await submit(agency, form.id, await goodSubmission(agency, form.id), freshIp())).status).toBe(404);
		expect(await leadsOf(agency, form.id)).toEqual([]);
	});

	it("cross-tenant: tenant A's form id posted on tenant B's host is 404 and stores nothing anywhere", async () => {
		const tenantB = await freshAgency();
		const form = await publishedForm(agency, clientId);
		const res = await submit(tenantB, form.id, await goodSubmission(agency, form.id), freshIp());
		expect(res.status).toBe(404);
		expect((await problemOf(res)).type).toBe("https://atrium.dev/problems/not-found");
		expect(await leadsOf(agency, form.id)).toEqual([]);
		expect(await leadsOf(tenantB, form.id)).toEqual([]);
	});

	it("bad answers: 422 naming each field (required, email, choice, consent), nothing stored", async () => {
		const form = await publishedForm(agency, clientId);
		const res = await submit(
			agency,
			form.id,
			await goodSubmission(agency, form.id, { email: "not-an-email", budget: "a million", "consent.marketing": "" }),
			freshIp(),
		);
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors).toEqual([
			{ path: "email", message: "must be an email address" },
			{ path: "budget", message: "must be one of the choices" },
			{ path: "consent.marketing", message: "must be accepted" },
		]);
		expect(await leadsOf(agency, form.id)).toEqual([]);
	});
});

describe("CORS on the public endpoint only", () => {
	it("lets any origin post (no credentials) and never opens data reads to other origins", async () => {
		const form = await publishedForm(agency, clientId);
		const preflight = await call(agency.host, `/api/forms/${form.id}/submissions`, {
			method: "OPTIONS",
			sameOrigin: false,
			headers: {
				Origin: "https://xylo.example",
				"Access-Control-Request-Method": "POST",
				"Access-Control-Request-Headers": "content-type",
			},
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
		expect(preflight.headers.get("Access-Control-Allow-Credentials")).toBeNull();
		const posted = await submit(agency, form.id, await goodSubmission(agency, form.id), freshIp(), "https://xylo.example");
		expect(posted.status).toBe(200);
		expect(posted.headers.get("Access-Control-Allow-Origin")).toBe("*");
		for (const path of ["/api/v1/clients", "/api/v1/me", "/api/v1/entitlements"]) {
			const read = await call(agency.host, path, {
				cookie: agency.ownerCookie,
				sameOrigin: false,
				headers: { Origin: "https://xylo.example" },
			});
			expect(read.headers.get("Access-Control-Allow-Origin")).toBeNull();
		}
	});
});
