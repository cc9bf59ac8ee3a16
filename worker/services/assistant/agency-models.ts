/** The model names stored with an agency's OpenAI-compatible endpoint, and the catalogue entries they become. Pure. */
import { type AiModel, COMPATIBLE_MODEL_NAME, compatibleModel } from "../../../schema/ai-models";
import type { AiProviderKeyRow } from "../../../schema/index";

/** The model names of a key row (only an endpoint's has any); anything malformed in storage is skipped. */
export function modelNames(row: Pick<AiProviderKeyRow, "models">): string[] {
	const parsed: unknown = JSON.parse(row.models);
	return Array.isArray(parsed) ? parsed.filter((m): m is string => typeof m === "string" && COMPATIBLE_MODEL_NAME.test(m)) : [];
}

/** The models an agency's OpenAI-compatible endpoint offers (none without one). */
export function agencyModels(rows: readonly Pick<AiProviderKeyRow, "kind" | "models">[]): AiModel[] {
	return rows.filter((r) => r.kind === "openai-compatible").flatMap((r) => modelNames(r).map(compatibleModel));
}
