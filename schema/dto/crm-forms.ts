/** The public lead form contract: what a submission sends and what it answers (CRM, issue #18). */
import { z } from "zod";

/**
 * One flat record of strings, the same from JSON and from a plain HTML POST: the form's field keys,
 * `consent.<key>`, `hidden.<key>`, `_stamp` (the signed render stamp), `cf-turnstile-response` and
 * the honeypot `website_url` (leave it empty).
 */
export const LeadFormSubmission = z
	.record(z.string().max(100), z.string().max(10_000, "must be at most 10000 characters"))
	.refine((record) => Object.keys(record).length <= 100, "must have at most 100 fields")
	.meta({ id: "LeadFormSubmission" });
export type LeadFormSubmission = z.infer<typeof LeadFormSubmission>;

export const LeadFormAccepted = z
	.object({
		status: z.literal("received"),
		/** The thank-you message to show, when the form has one. */
		message: z.string().nullable(),
		/** Where to send the visitor, when the form redirects. */
		redirectUrl: z.string().nullable(),
		/** True when the visitor must confirm by email (double opt-in). */
		confirmEmail: z.boolean(),
	})
	.meta({ id: "LeadFormAccepted" });
export type LeadFormAccepted = z.infer<typeof LeadFormAccepted>;
