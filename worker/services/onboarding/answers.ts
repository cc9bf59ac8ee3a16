/**
 * Server-side checks of what a client submits for a step: questionnaire answers against the
 * snapshot's fields (required, type, choices, real dates, files that are this client's documents)
 * and document slots. Every problem names its field (`answers.<fieldId>`, `documents.<slotId>`).
 */
import { eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { AnswerValue, DocumentSlot, QuestionField } from "../../../schema/dto/onboarding";
import { documents } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { type FieldError, problems } from "../../lib/problem";

type Field = z.infer<typeof QuestionField>;
type Value = z.infer<typeof AnswerValue>;
export type Answers = Record<string, string | string[]>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRealDate(value: string): boolean {
	const match = DATE.exec(value);
	if (!match) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isEmpty(value: Value | undefined): boolean {
	return value === undefined || (typeof value === "string" ? value.trim() === "" : value.length === 0);
}

/** The problem with one answer, or null. */
function answerProblem(field: Field, value: Value): string | null {
	switch (field.type) {
		case "short_text":
			if (typeof value !== "string") return "must be text";
			return value.trim().length > 200 ? "must be at most 200 characters" : null;
		case "long_text":
			return typeof value === "string" ? null : "must be text";
		case "single_choice":
			return typeof value === "string" && field.options.includes(value) ? null : "must be one of the choices";
		case "multi_choice":
			if (!Array.isArray(value) || !value.every((v) => field.options.includes(v))) return "must be a list of the choices";
			return new Set(value).size === value.length ? null : "must not repeat a choice";
		case "date":
			return typeof value === "string" && isRealDate(value) ? null : "must be a date as YYYY-MM-DD";
		case "file":
			return typeof value === "string" && UUID.test(value) ? null : "must be the id of an uploaded document";
	}
}

/** Ids among `ids` that are not live documents of `clientId`. */
async function foreignDocuments(scope: TenantScope, clientId: string, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await scope.db
		.select({ id: documents.id })
		.from(documents)
		.where(scope.where(documents, inArray(documents.id, ids), eq(documents.clientId, clientId), isNull(documents.deletedAt)));
	const found = new Set(rows.map((r) => r.id));
	return new Set(ids.filter((id) => !found.has(id)));
}

/** The answers as stored (trimmed, empties dropped), or a 422 naming every bad field. */
export async function checkAnswers(
	scope: TenantScope,
	clientId: string,
	fields: Field[],
	answers: Record<string, Value>,
): Promise<Answers> {
	const errors: FieldError[] = [];
	const out: Answers = {};
	for (const key of Object.keys(answers)) {
		if (!fields.some((f) => f.id === key)) errors.push({ path: `answers.${key}`, message: "is not a question of this step" });
	}
	for (const field of fields) {
		const value = answers[field.id];
		if (isEmpty(value)) {
			if (field.required) errors.push({ path: `answers.${field.id}`, message: "is required" });
			continue;
		}
		const problem = answerProblem(field, value as Value);
		if (problem) errors.push({ path: `answers.${field.id}`, message: problem });
		else out[field.id] = typeof value === "string" ? value.trim() : (value as string[]);
	}
	const fileFields = fields.filter((f) => f.type === "file" && typeof out[f.id] === "string");
	const foreign = await foreignDocuments(
		scope,
		clientId,
		fileFields.map((f) => out[f.id] as string),
	);
	for (const field of fileFields) {
		if (foreign.has(out[field.id] as string)) errors.push({ path: `answers.${field.id}`, message: "must be a document of this client" });
	}
	if (errors.length > 0) throw problems.validation(errors);
	return out;
}

/** Merges newly filled document slots with earlier ones; 422 for unknown slots or documents not of this client. */
export async function checkDocumentSlots(
	scope: TenantScope,
	clientId: string,
	slots: z.infer<typeof DocumentSlot>[],
	earlier: Record<string, string>,
	filled: Record<string, string>,
): Promise<Record<string, string>> {
	const errors: FieldError[] = [];
	for (const key of Object.keys(filled)) {
		if (!slots.some((s) => s.id === key)) errors.push({ path: `documents.${key}`, message: "is not a document this step asks for" });
	}
	const foreign = await foreignDocuments(scope, clientId, Object.values(filled));
	for (const [key, id] of Object.entries(filled)) {
		if (foreign.has(id)) errors.push({ path: `documents.${key}`, message: "must be a document of this client" });
	}
	if (errors.length > 0) throw problems.validation(errors);
	return { ...earlier, ...filled };
}
