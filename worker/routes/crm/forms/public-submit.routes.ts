/**
 * Route declaration of the public lead form endpoint: POST /api/forms/{formId}/submissions, JSON
 * (the embed script) or application/x-www-form-urlencoded (a plain HTML form, answered with a 303).
 * No session, no cookie; CORS allows any origin to post here and nowhere else.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { LeadFormAccepted, LeadFormSubmission } from "../../../../schema/dto/crm-forms";
import { jsonContent, problemContent } from "../../../http/openapi-responses";

export const FormIdParam = z.object({ formId: z.string().min(1).max(64) });

export const submit = createRoute({
	method: "post",
	path: "/api/forms/{formId}/submissions",
	tags: ["Lead forms"],
	summary: "Submit a published lead form (public; embed script, hosted page or plain HTML POST)",
	description:
		"Checks, in order: the form is published here; its client is not paused and the agency's plan is in good standing (403 `form-unavailable`); per-IP and per-form rate limits; honeypot; minimum fill time from the signed `_stamp`; Cloudflare Turnstile. A submission refused by a spam check answers the same 400 `submission-rejected` whatever failed, and nothing is stored. Re-sending the same stamp takes effect once. A form-encoded body is answered with 303 to the form's redirect URL or its hosted thank-you page.",
	request: {
		params: FormIdParam,
		body: {
			required: true,
			content: {
				"application/json": { schema: LeadFormSubmission },
				"application/x-www-form-urlencoded": { schema: LeadFormSubmission },
			},
		},
	},
	responses: {
		200: jsonContent(LeadFormAccepted, "Received (also the answer to a re-sent submission)"),
		303: { description: "Received (form-encoded body): go to the redirect URL or the thank-you page" },
		400: problemContent("Refused (`submission-rejected`, whichever check failed) or a body that is not readable"),
		403: problemContent("The form is paused, its client is paused, or the agency's plan is restricted"),
		404: problemContent("No published form with this id at this address"),
		413: problemContent("The body is too large"),
		422: problemContent("An answer is invalid; `errors` names each field"),
	},
});
