/**
 * Test data for lead forms: an agency with a client, a published form in the client's workspace,
 * render stamps (as the hosted page and embed script issue them, optionally back-dated), Turnstile
 * tokens from the local verifier, and the form's leads and refusal counts as stored.
 */
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { inject } from "vitest";
import type { FormSuccess, RejectionReason } from "../../schema/crm-forms";
import { type CrmForm, type CrmLead, crmLeads } from "../../schema/index";
import { createDb, tenantScope } from "../../worker/lib/db";
import { createForm } from "../../worker/services/crm/forms/forms";
import { rejectionsOf, utcDay } from "../../worker/services/crm/forms/rejections";
import { issueRenderStamp } from "../../worker/services/crm/forms/render-stamp";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";

const turnstileUrl = inject("turnstileUrl");

export const scopeOf = (agency: Agency) => tenantScope(createDb(env.DB), agency.tenantId);

export async function createClient(agency: Agency, name = "Xylo Foods"): Promise<string> {
	const res = await call(agency.host, "/api/v1/clients", { cookie: agency.ownerCookie, body: { name, status: "active" } });
	if (res.status !== 201) throw new Error(`client create failed: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { id: string }).id;
}

export async function publishedForm(
	agency: Agency,
	clientId: string | null,
	options: { success?: FormSuccess; doubleOptIn?: boolean } = {},
): Promise<CrmForm> {
	return createForm(scopeOf(agency), {
		clientId,
		name: "Get a quote",
		status: "published",
		fields: [
			{ key: "email", label: "Email", type: "email", required: true, mapsTo: "email" },
			{ key: "name", label: "First name", type: "text", required: false, mapsTo: "firstName" },
			{ key: "budget", label: "Budget", type: "select", required: false, mapsTo: null, options: ["< 5k", "5k+"] },
		],
		consents: [{ key: "marketing", wording: "Yes, email me about offers.", required: true }],
		hiddenFields: [{ key: "campaign", defaultValue: "spring" }],
		success: options.success ?? { kind: "message", message: "Thanks, we will be in touch." },
		doubleOptIn: options.doubleOptIn ?? false,
		createdBy: null,
	});
}

/** A render stamp as the form page issues it, `ageMs` ago (old enough to pass the minimum fill time by default). */
export function stampFor(agency: Agency, formId: string, ageMs = 10_000): Promise<string> {
	return issueRenderStamp(agency.tenantId, formId, Date.now() - ageMs);
}

/** A widget token from the local Turnstile (the fake's own site key unless told), issued `ageMs` ago. */
export async function turnstileToken(options: { sitekey?: string; ageMs?: number } = {}): Promise<string> {
	const res = await fetch(`${turnstileUrl}/__test/tokens`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify({ ...(options.sitekey ? { sitekey: options.sitekey } : {}), issuedAt: Date.now() - (options.ageMs ?? 0) }),
	});
	const { token } = (await res.json()) as { token: string };
	return token;
}

/** A submission that passes every check: answers, consent, a 10 s old stamp and a fresh token. */
export async function goodSubmission(
	agency: Agency,
	formId: string,
	overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
	return {
		email: "Pat@Example.com",
		name: "Pat",
		budget: "5k+",
		"consent.marketing": "on",
		_stamp: await stampFor(agency, formId),
		"cf-turnstile-response": await turnstileToken(),
		website_url: "",
		...overrides,
	};
}

export function submit(agency: Agency, formId: string, body: Record<string, string>, ip: string, origin?: string): Promise<Response> {
	return call(agency.host, `/api/forms/${formId}/submissions`, {
		body,
		ip,
		sameOrigin: origin === undefined,
		headers: origin ? { Origin: origin } : {},
	});
}

export function submitFormEncoded(agency: Agency, formId: string, body: Record<string, string>, ip: string): Promise<Response> {
	return call(agency.host, `/api/forms/${formId}/submissions`, {
		method: "POST",
		rawBody: new URLSearchParams(body).toString(),
		headers: { "Content-Type": "application/x-www-form-urlencoded" },
		ip,
		sameOrigin: false,
	});
}

export async function leadsOf(agency: Agency, formId: string): Promise<CrmLead[]> {
	const scope = scopeOf(agency);
	return scope.db
		.select()
		.from(crmLeads)
		.where(scope.where(crmLeads, and(eq(crmLeads.formId, formId))));
}

export function refusalsOf(agency: Agency, formId: string): Promise<Partial<Record<RejectionReason, number>>> {
	return rejectionsOf(scopeOf(agency), formId, utcDay(Date.now() - 86_400_000));
}

export function freshAgency(): Promise<Agency> {
	return signUpUniqueAgency("forms");
}
