/**
 * Wire shapes of an agency's own AI provider keys (Settings → AI providers): saving one (checked
 * first), and the list. A key is never sent back after saving: only its last four characters.
 */
import { z } from "zod";
import { AI_KEY_KINDS, COMPATIBLE_MODEL_NAME, MAX_COMPATIBLE_MODELS } from "../ai-models";
import { PLAN_IDS } from "../plans";

export const AiKeyKindParam = z.object({
	kind: z.enum(AI_KEY_KINDS, { error: `must be one of ${AI_KEY_KINDS.join(", ")}` }),
});

export const SaveAiProviderKeyBody = z
	.strictObject({
		/** The provider's secret key; may be left out to keep the stored one (e.g. to change an endpoint's models). */
		apiKey: z.string().trim().min(8, "must be at least 8 characters").max(500, "must be at most 500 characters").optional(),
		/** OpenAI-compatible endpoints only: the base URL that `/models` and `/chat/completions` are under (…/v1). */
		baseUrl: z.url({ error: "must be a URL" }).max(500, "must be at most 500 characters").optional(),
		/** OpenAI-compatible endpoints only: the model names to offer, as the endpoint knows them. */
		models: z
			.array(z.string().trim().regex(COMPATIBLE_MODEL_NAME, "must be a model name such as llama-3.3-70b"))
			.min(1, "must name at least one model")
			.max(MAX_COMPATIBLE_MODELS, `must name at most ${MAX_COMPATIBLE_MODELS} models`)
			.optional(),
	})
	.meta({ id: "SaveAiProviderKeyBody" });
export type SaveAiProviderKeyBody = z.infer<typeof SaveAiProviderKeyBody>;

/** A model a key answers for, and whether the agency's plan may use it. */
export const OfferedModel = z.object({
	id: z.string(),
	label: z.string(),
	allowed: z.boolean(),
	/** The plans that include this model. */
	plans: z.array(z.enum(PLAN_IDS)),
});

export const AiProviderKeyView = z
	.object({
		kind: z.enum(AI_KEY_KINDS),
		label: z.string(),
		/** The key's last four characters, to tell keys apart; the key itself is never returned. */
		lastFour: z.string(),
		baseUrl: z.string().nullable(),
		models: z.array(z.string()),
		check: z.object({
			status: z.enum(["passed", "failed"]),
			/** Why the latest check failed. */
			detail: z.string().nullable(),
			checkedAt: z.number().int(),
		}),
		offeredModels: z.array(OfferedModel),
		createdAt: z.number().int(),
		updatedAt: z.number().int(),
	})
	.meta({ id: "AiProviderKey" });
export type AiProviderKeyView = z.infer<typeof AiProviderKeyView>;

export const AiProviderKeyList = z.object({ keys: z.array(AiProviderKeyView), planId: z.enum(PLAN_IDS) }).meta({ id: "AiProviderKeyList" });
export type AiProviderKeyList = z.infer<typeof AiProviderKeyList>;

/** How each kind is named to a person. */
export const AI_KEY_KIND_LABELS = {
	openai: "OpenAI",
	anthropic: "Anthropic",
	"openai-compatible": "OpenAI-compatible endpoint",
} as const;
