/**
 * Reads a lead form submission (one flat record of strings, the same from JSON and from a plain
 * HTML POST) against the form's definition: each field's answer checked (required, type, length,
 * choice), mapped answers copied to the lead's columns, consents stamped with their wording and
 * time, hidden fields filled from the page or their defaults. Pure: no I/O.
 */
import {
	type FormConsent,
	type FormField,
	type FormHiddenField,
	LEAD_FIELD_TARGETS,
	type LeadConsent,
	type LeadFieldTarget,
	MAX_ANSWER_LENGTH,
	SUBMISSION_NAMES,
} from "../../../../schema/crm-forms";

export type FormDefinition = { fields: FormField[]; consents: FormConsent[]; hiddenFields: FormHiddenField[] };

export type LeadValues = {
	columns: Partial<Record<LeadFieldTarget, string>>;
	values: Record<string, string>;
	hidden: Record<string, string>;
	consents: LeadConsent[];
};

export type FieldProblem = { path: string; message: string };

export type ReadSubmission = { ok: true; lead: LeadValues } | { ok: false; errors: FieldProblem[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{5,30}$/;
const HIDDEN_MAX = 500;
/** What a ticked checkbox sends: `on` from HTML, true-ish strings from scripts. */
const TICKED = new Set(["on", "true", "1", "yes"]);

function problemWith(field: FormField, answer: string): string | null {
	if (answer.length > MAX_ANSWER_LENGTH) return `must be at most ${MAX_ANSWER_LENGTH} characters`;
	if (field.type === "email" && !EMAIL.test(answer)) return "must be an email address";
	if (field.type === "phone" && !PHONE.test(answer)) return "must be a phone number";
	if (field.type === "select" && !(field.options ?? []).includes(answer)) return "must be one of the choices";
	if (field.type !== "textarea" && answer.length > 500) return "must be at most 500 characters";
	return null;
}

export function readSubmission(form: FormDefinition, input: Record<string, string>, now: number): ReadSubmission {
	const errors: FieldProblem[] = [];
	const lead: LeadValues = { columns: {}, values: {}, hidden: {}, consents: [] };
	for (const field of form.fields) {
		const answer = (input[field.key] ?? "").trim();
		if (answer === "") {
			if (field.required) errors.push({ path: field.key, message: "is required" });
			continue;
		}
		const problem = problemWith(field, answer);
		if (problem) {
			errors.push({ path: field.key, message: problem });
			continue;
		}
		lead.values[field.key] = answer;
		if (field.mapsTo && LEAD_FIELD_TARGETS.includes(field.mapsTo)) {
			lead.columns[field.mapsTo] = field.mapsTo === "email" ? answer.toLowerCase() : answer;
		}
	}
	for (const consent of form.consents) {
		const ticked = TICKED.has((input[`${SUBMISSION_NAMES.consentPrefix}${consent.key}`] ?? "").trim().toLowerCase());
		if (ticked) lead.consents.push({ key: consent.key, wording: consent.wording, acceptedAt: now });
		else if (consent.required) errors.push({ path: `${SUBMISSION_NAMES.consentPrefix}${consent.key}`, message: "must be accepted" });
	}
	for (const hidden of form.hiddenFields) {
		const sent = input[`${SUBMISSION_NAMES.hiddenPrefix}${hidden.key}`];
		lead.hidden[hidden.key] = (sent ?? hidden.defaultValue).slice(0, HIDDEN_MAX);
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, lead };
}
