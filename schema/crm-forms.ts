/**
 * Lead capture forms and leads (CRM, issue #18): the vocabulary and the shape of a form's
 * definition (its fields and where each lands on the lead, consent checkboxes with their wording,
 * hidden fields, what a visitor sees after sending). Tables, DTOs, the public submit endpoint and
 * the PWA's form builder all read these.
 */
import { z } from "zod";

export const FORM_STATUSES = ["draft", "published", "paused"] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

export const LEAD_STATUSES = ["new", "contacted", "mql", "sql", "converted", "disqualified"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SOURCES = ["form", "manual"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Whether a lead still has to confirm its email (double opt-in). */
export const OPT_IN_STATES = ["not_required", "pending", "confirmed"] as const;
export type OptInState = (typeof OPT_IN_STATES)[number];

export const FORM_FIELD_TYPES = ["text", "email", "phone", "textarea", "select"] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** The lead's own columns a form field may fill; `null` keeps the answer only in the lead's `values`. */
export const LEAD_FIELD_TARGETS = ["email", "firstName", "lastName", "phone", "company", "title", "message"] as const;
export type LeadFieldTarget = (typeof LEAD_FIELD_TARGETS)[number];

/**
 * Why a submission was refused. Counted per form and day (crm_form_rejections), never stored as a
 * lead, and never told to the sender: every spam check answers the same generic response.
 */
export const REJECTION_REASONS = [
	"rate_limited",
	"honeypot",
	"bad_stamp",
	"too_fast",
	"stale",
	"turnstile",
	"client_paused",
	"plan_restricted",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Names a submission uses besides the form's own keys: the signed render stamp, Turnstile's token
 * (the widget's own input name), and the honeypot a person never sees. Consents arrive as
 * `consent.<key>` and hidden fields as `hidden.<key>`.
 */
export const SUBMISSION_NAMES = {
	stamp: "_stamp",
	turnstile: "cf-turnstile-response",
	honeypot: "website_url",
	consentPrefix: "consent.",
	hiddenPrefix: "hidden.",
} as const;

/** Longest answer kept for one field (a textarea); longer answers are refused naming the field. */
export const MAX_ANSWER_LENGTH = 5000;

/** A submission sooner than this after the form was rendered is a bot. */
export const MIN_FILL_MS = 3000;
/** A render stamp older than this is refused: reload the form. */
export const MAX_STAMP_AGE_MS = 24 * 60 * 60 * 1000;

const fieldKey = z
	.string()
	.regex(/^[a-z][a-z0-9_]{0,39}$/, "must be 1-40 lowercase letters, digits or _ starting with a letter")
	.refine((key) => key !== SUBMISSION_NAMES.honeypot, "is reserved");

export const FormField = z.object({
	key: fieldKey,
	label: z.string().trim().min(1).max(120),
	type: z.enum(FORM_FIELD_TYPES),
	required: z.boolean(),
	/** Which lead column the answer fills (null: kept in the lead's values only). */
	mapsTo: z.enum(LEAD_FIELD_TARGETS).nullable(),
	/** The choices of a `select` field. */
	options: z.array(z.string().trim().min(1).max(120)).max(50).optional(),
});
export type FormField = z.infer<typeof FormField>;

export const FormConsent = z.object({
	key: fieldKey,
	/** The exact wording shown beside the checkbox; stored on the lead with the time it was ticked. */
	wording: z.string().trim().min(1).max(1000),
	required: z.boolean(),
});
export type FormConsent = z.infer<typeof FormConsent>;

export const FormHiddenField = z.object({
	key: fieldKey,
	/** Used when the page does not set the field (e.g. a campaign name). */
	defaultValue: z.string().max(500),
});
export type FormHiddenField = z.infer<typeof FormHiddenField>;

export const FormSuccess = z.discriminatedUnion("kind", [
	z.object({ kind: z.literal("message"), message: z.string().trim().min(1).max(1000) }),
	z.object({ kind: z.literal("redirect"), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export type FormSuccess = z.infer<typeof FormSuccess>;

/** What a stored consent looks like on the lead: the wording the person saw and when they ticked it. */
export type LeadConsent = { key: string; wording: string; acceptedAt: number };
