/**
 * Checking custom field values against a workspace's definitions (pure: no database). Every value
 * is checked by its field's type; a bad one, or a key with no field, is a `{ path, message }` naming
 * `customFields.<key>`, so the API answers a field-named 422 and writes nothing. `null` clears a value.
 */
import type { CurrencyValue, CustomFieldType } from "../../../../schema/crm";
import { isKnownCurrency } from "../../../../schema/money";
import type { FieldError } from "../../../lib/problem";
import { normalizePhone } from "../normalize";

export type FieldDefinition = { key: string; type: CustomFieldType; options: readonly string[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(text: string): boolean {
	if (!DATE.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === "https:" || url.protocol === "http:";
	} catch {
		return false;
	}
}

function isCurrencyValue(value: unknown): value is CurrencyValue {
	if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
	const { amount, currency, ...rest } = value as Record<string, unknown>;
	return Object.keys(rest).length === 0 && Number.isSafeInteger(amount) && typeof currency === "string" && isKnownCurrency(currency);
}

/** The stored form of `value` for `field`, or the message saying why it is not one. */
function checkValue(field: FieldDefinition, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
	const text = typeof value === "string" ? value.trim() : null;
	switch (field.type) {
		case "text":
			return text !== null && text.length <= 2000
				? { ok: true, value: text }
				: { ok: false, message: "must be text of at most 2000 characters" };
		case "number":
			return typeof value === "number" && Number.isFinite(value) ? { ok: true, value } : { ok: false, message: "must be a number" };
		case "date":
			return text !== null && isRealDate(text) ? { ok: true, value: text } : { ok: false, message: "must be a date (YYYY-MM-DD)" };
		case "choice":
			return text !== null && field.options.includes(text)
				? { ok: true, value: text }
				: { ok: false, message: `must be one of: ${field.options.join(", ")}` };
		case "multi_choice": {
			const ok = Array.isArray(value) && value.every((v) => typeof v === "string" && field.options.includes(v));
			return ok
				? { ok: true, value: [...new Set(value as string[])] }
				: { ok: false, message: `must be a list of: ${field.options.join(", ")}` };
		}
		case "url":
			return text !== null && text.length <= 2000 && isHttpUrl(text)
				? { ok: true, value: text }
				: { ok: false, message: "must be a web address (http:// or https://)" };
		case "email":
			return text !== null && text.length <= 320 && EMAIL.test(text)
				? { ok: true, value: text }
				: { ok: false, message: "must be an email address" };
		case "phone":
			return text !== null && normalizePhone(text) !== null ? { ok: true, value: text } : { ok: false, message: "must be a phone number" };
		case "currency":
			return isCurrencyValue(value)
				? { ok: true, value: { amount: value.amount, currency: value.currency.toUpperCase() } }
				: { ok: false, message: "must be { amount: whole minor units, currency: an ISO 4217 code }" };
	}
}

/**
 * `current` with `changes` applied, every changed value checked against `fields`; `errors` lists
 * each bad key (empty when all are good). `null` removes a value.
 */
export function applyCustomValues(
	fields: readonly FieldDefinition[],
	current: Readonly<Record<string, unknown>>,
	changes: Readonly<Record<string, unknown>>,
): { values: Record<string, unknown>; errors: FieldError[] } {
	const byKey = new Map(fields.map((f) => [f.key, f]));
	const values: Record<string, unknown> = { ...current };
	const errors: FieldError[] = [];
	for (const [key, raw] of Object.entries(changes)) {
		const path = `customFields.${key}`;
		const field = byKey.get(key);
		if (!field) {
			errors.push({ path, message: "is not a custom field of this workspace" });
			continue;
		}
		if (raw === null) {
			delete values[key];
			continue;
		}
		const checked = checkValue(field, raw);
		if (checked.ok) values[key] = checked.value;
		else errors.push({ path, message: checked.message });
	}
	return { values, errors };
}
