/** Test data for onboarding: a small template with every step kind, and calls of the onboarding API. */
import type { z } from "zod";
import type { RunDto, TemplateStepT } from "../../schema/dto/onboarding";
import { call } from "../support/http";
import { json, type PortalAgency } from "./portal-fixtures";

export type RunJson = z.infer<typeof RunDto>;

export const AGREEMENT_TEXT = "We build your site; you pay within 14 days.";

export const SMALL_TEMPLATE: TemplateStepT[] = [
	{ id: "profile", kind: "profile", title: "Company", description: "", required: true },
	{
		id: "brief",
		kind: "questionnaire",
		title: "Brief",
		description: "",
		required: true,
		fields: [
			{ id: "goal", label: "Goal", type: "short_text", required: true, help: "", options: [] },
			{ id: "size", label: "Team size", type: "single_choice", required: true, help: "", options: ["1-10", "11-50"] },
			{ id: "channels", label: "Channels", type: "multi_choice", required: false, help: "", options: ["Web", "Email"] },
			{ id: "launch", label: "Launch", type: "date", required: false, help: "", options: [] },
			{ id: "logo", label: "Logo file", type: "file", required: true, help: "", options: [] },
		],
	},
	{
		id: "docs",
		kind: "documents",
		title: "Paperwork",
		description: "",
		required: true,
		documents: [
			{ id: "w9", name: "Tax form", description: "", required: true },
			{ id: "extra", name: "Anything else", description: "", required: false },
		],
	},
	{ id: "kickoff", kind: "kickoff_booking", title: "Kickoff", description: "", required: true },
	{ id: "sign", kind: "agreement", title: "Agreement", description: "", required: true, agreementText: AGREEMENT_TEXT },
];

export function saveTemplate(a: PortalAgency, steps: unknown, cookie = a.ownerCookie): Promise<Response> {
	return call(a.host, "/api/v1/onboarding/template", { method: "PUT", cookie, body: { steps } });
}

export function runOf(a: PortalAgency, clientId: string, cookie: string): Promise<Response> {
	return call(a.host, `/api/v1/clients/${clientId}/onboarding`, { cookie });
}

export function startRun(a: PortalAgency, clientId: string, cookie = a.staffCookie): Promise<Response> {
	return call(a.host, `/api/v1/clients/${clientId}/onboarding`, { method: "POST", cookie });
}

export function submit(a: PortalAgency, clientId: string, stepId: string, body: unknown, cookie: string, ip?: string): Promise<Response> {
	return call(a.host, `/api/v1/clients/${clientId}/onboarding/steps/${stepId}`, {
		cookie,
		body,
		ip,
		headers: { "User-Agent": "OnboardingTest/1.0" },
	});
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Saves SMALL_TEMPLATE as the owner and starts client X's run (X is created active, so it has none yet). */
export async function runWithSmallTemplate(a: PortalAgency): Promise<RunJson> {
	await json(saveTemplate(a, SMALL_TEMPLATE));
	return json<RunJson>(startRun(a, a.clientX.id), 201);
}
