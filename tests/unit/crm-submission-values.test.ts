/** Reading a lead form submission against its definition: required, types, choices, consents, hidden fields, mapping. */
import { describe, expect, it } from "vitest";
import { type FormDefinition, readSubmission } from "../../worker/services/crm/forms/submission-values";

const form: FormDefinition = {
	fields: [
		{ key: "email", label: "Email", type: "email", required: true, mapsTo: "email" },
		{ key: "phone", label: "Phone", type: "phone", required: false, mapsTo: "phone" },
		{ key: "size", label: "Team size", type: "select", required: false, mapsTo: null, options: ["1-10", "11+"] },
		{ key: "note", label: "Anything else", type: "textarea", required: false, mapsTo: "message" },
	],
	consents: [
		{ key: "terms", wording: "I accept the terms.", required: true },
		{ key: "news", wording: "Send me news.", required: false },
	],
	hiddenFields: [{ key: "campaign", defaultValue: "spring" }],
};

describe("readSubmission", () => {
	it("maps answers to lead columns, keeps every answer, stamps ticked consents and fills hidden fields", () => {
		const read = readSubmission(
			form,
			{ email: " Ana@X.io ", size: "11+", "consent.terms": "on", "consent.news": "", other: "ignored" },
			42,
		);
		expect(read).toEqual({
			ok: true,
			lead: {
				columns: { email: "ana@x.io" },
				values: { email: "Ana@X.io", size: "11+" },
				hidden: { campaign: "spring" },
				consents: [{ key: "terms", wording: "I accept the terms.", acceptedAt: 42 }],
			},
		});
	});

	it("names every bad field once", () => {
		const read = readSubmission(form, { phone: "call me", size: "huge", note: "x".repeat(5001), "hidden.campaign": "autumn" }, 1);
		expect(read).toEqual({
			ok: false,
			errors: [
				{ path: "email", message: "is required" },
				{ path: "phone", message: "must be a phone number" },
				{ path: "size", message: "must be one of the choices" },
				{ path: "note", message: "must be at most 5000 characters" },
				{ path: "consent.terms", message: "must be accepted" },
			],
		});
	});

	it("takes hidden fields from the page, cut to 500 characters", () => {
		const read = readSubmission(form, { email: "a@b.co", "consent.terms": "true", "hidden.campaign": "y".repeat(600) }, 1);
		expect(read.ok && read.lead.hidden.campaign).toBe("y".repeat(500));
	});
});
