/**
 * The public lead form endpoint (no session): resolves the tenant from the Host, answers CORS for
 * any origin on this path only (never with credentials), and hands the submission to the service.
 * Every spam refusal leaves as the one generic `submission-rejected` problem.
 */
import { cors } from "hono/cors";
import type { LeadFormAccepted } from "../../../../schema/dto/crm-forms";
import { createRouter } from "../../../http/create-router";
import { requestOrigin } from "../../../http/request-origin";
import { tenantScope } from "../../../lib/db";
import { tenantOf } from "../../../lib/host-guards";
import { Problem, problems } from "../../../lib/problem";
import { resolveTenant } from "../../../middleware/tenant";
import { submitLeadForm } from "../../../services/crm/forms/submit-lead-form";
import { turnstileSettings } from "../../../services/crm/forms/turnstile";
import * as routes from "./public-submit.routes";

/** The one answer to a submission any spam check refused: it never says which. */
export function submissionRejected(): Problem {
	return new Problem(
		400,
		"submission-rejected",
		"Submission not accepted",
		"We could not accept this submission. Reload the form and try again.",
	);
}

/** Where a plain HTML form's visitor goes after sending: the form's redirect, or its hosted thank-you page. */
export function thankYouLocation(formId: string, redirectUrl: string | null): string {
	return redirectUrl ?? `/f/${encodeURIComponent(formId)}/thanks`;
}

const FORM_ENCODED = "application/x-www-form-urlencoded";

export const publicFormsRouter = createRouter();

publicFormsRouter.use(
	"/api/forms/*",
	cors({ origin: "*", allowMethods: ["POST"], allowHeaders: ["Content-Type"], credentials: false, maxAge: 600 }),
	resolveTenant,
);

publicFormsRouter.openapi(routes.submit, async (c) => {
	const contentType = c.req.header("Content-Type") ?? "";
	const isForm = contentType.startsWith(FORM_ENCODED);
	if (!isForm && !contentType.startsWith("application/json")) throw problems.unsupportedMediaType();
	const body = isForm ? c.req.valid("form") : c.req.valid("json");
	const outcome = await submitLeadForm(
		{ scope: tenantScope(c.get("db"), tenantOf(c).id), gates: c.env.TENANT_GATE, turnstile: turnstileSettings(c.env), jobs: c.env },
		{ formId: c.req.valid("param").formId, body, ip: requestOrigin(c).ip },
	);
	if (outcome.kind === "rejected") throw submissionRejected();
	const answer: LeadFormAccepted = {
		status: "received",
		message: outcome.success.kind === "message" ? outcome.success.message : null,
		redirectUrl: outcome.success.kind === "redirect" ? outcome.success.url : null,
		confirmEmail: outcome.confirmEmail,
	};
	if (isForm) return c.redirect(thankYouLocation(outcome.formId, answer.redirectUrl), 303);
	return c.json(answer, 200);
});
