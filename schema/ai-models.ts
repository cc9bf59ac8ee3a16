/**
 * The assistant's model catalogue: each model the PWA offers, the chain of provider targets that
 * answer for it (tried in order), its price in credits per 1,000 input and output tokens, and the
 * plans that may use it. Credits are whole numbers: a call costs ceil((in × inPrice + out × outPrice) / 1000).
 */
import type { PlanId } from "./plans";

export const PROVIDER_IDS = ["local", "openai", "anthropic", "workers-ai", "openai-compatible"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** The providers an agency can connect its own key for (Settings → AI providers). */
export const AI_KEY_KINDS = ["openai", "anthropic", "openai-compatible"] as const;
export type AiKeyKind = (typeof AI_KEY_KINDS)[number];

/** One provider and the model name it knows this model by. */
export type ProviderTarget = { provider: ProviderId; model: string };

export type AiModel = {
	id: string;
	label: string;
	description: string;
	/** Tried in order; a target whose provider is not configured is skipped. */
	chain: readonly ProviderTarget[];
	creditsPer1kInput: number;
	creditsPer1kOutput: number;
	maxOutputTokens: number;
	plans: readonly PlanId[];
	/** The built-in local model: no network, no real AI. */
	local: boolean;
};

export const LOCAL_MODEL_ID = "local/atrium-echo";

export const AI_MODELS: readonly AiModel[] = [
	{
		id: LOCAL_MODEL_ID,
		label: "Demo model — not a real AI",
		description: "Built in and free: repeats your question with a fixed template, word by word. Works with no network or key.",
		chain: [{ provider: "local", model: "atrium-echo" }],
		creditsPer1kInput: 0,
		creditsPer1kOutput: 0,
		maxOutputTokens: 256,
		plans: ["starter", "pro", "agency"],
		local: true,
	},
	{
		id: "openai/gpt-4o-mini",
		label: "GPT-4o mini",
		description: "Fast and inexpensive. Falls back to Claude Haiku, then Workers AI, when OpenAI is unavailable.",
		chain: [
			{ provider: "openai", model: "gpt-4o-mini" },
			{ provider: "anthropic", model: "claude-haiku-4-5" },
			{ provider: "workers-ai", model: "@cf/meta/llama-3.1-8b-instruct" },
		],
		creditsPer1kInput: 1,
		creditsPer1kOutput: 4,
		maxOutputTokens: 1024,
		plans: ["starter", "pro", "agency"],
		local: false,
	},
	{
		id: "anthropic/claude-sonnet-4-5",
		label: "Claude Sonnet 4.5",
		description: "Careful writing and analysis. Falls back to GPT-4o when Anthropic is unavailable.",
		chain: [
			{ provider: "anthropic", model: "claude-sonnet-4-5" },
			{ provider: "openai", model: "gpt-4o" },
		],
		creditsPer1kInput: 6,
		creditsPer1kOutput: 30,
		maxOutputTokens: 2048,
		plans: ["pro", "agency"],
		local: false,
	},
	{
		id: "workers-ai/llama-3.1-8b",
		label: "Llama 3.1 8B (Workers AI)",
		description: "Runs on Cloudflare's network through the optional AI binding.",
		chain: [{ provider: "workers-ai", model: "@cf/meta/llama-3.1-8b-instruct" }],
		creditsPer1kInput: 1,
		creditsPer1kOutput: 2,
		maxOutputTokens: 1024,
		plans: ["starter", "pro", "agency"],
		local: false,
	},
];

/** A catalogue model, or one of `extra` (an agency's OpenAI-compatible models, see `compatibleModel`). */
export function modelById(id: string, extra: readonly AiModel[] = []): AiModel | undefined {
	return AI_MODELS.find((m) => m.id === id) ?? extra.find((m) => m.id === id);
}

/** Catalogue ids of an agency's own OpenAI-compatible models start with this. */
export const COMPATIBLE_MODEL_PREFIX = "custom/";

/** Model names an OpenAI-compatible endpoint may be asked for (`llama-3.3-70b`, `org/model:tag`). */
export const COMPATIBLE_MODEL_NAME = /^[A-Za-z0-9][\w.:/@-]{0,99}$/;

/** At most this many models are offered from one OpenAI-compatible endpoint. */
export const MAX_COMPATIBLE_MODELS = 10;

/**
 * A model served by an agency's OpenAI-compatible endpoint. Every plan may use it; it is paid at the
 * standard rate (GPT-4o mini's), since Atrium cannot know what the endpoint runs.
 */
export function compatibleModel(name: string): AiModel {
	return {
		id: `${COMPATIBLE_MODEL_PREFIX}${name}`,
		label: `${name} (your endpoint)`,
		description: "Served by your agency's OpenAI-compatible endpoint, through your own key.",
		chain: [{ provider: "openai-compatible", model: name }],
		creditsPer1kInput: 1,
		creditsPer1kOutput: 4,
		maxOutputTokens: 1024,
		plans: ["starter", "pro", "agency"],
		local: false,
	};
}

/** How a model is named on the Usage page: its catalogue label, an agency model's name, or the id of a model since removed. */
export function modelLabel(id: string): string {
	if (id.startsWith(COMPATIBLE_MODEL_PREFIX)) return compatibleModel(id.slice(COMPATIBLE_MODEL_PREFIX.length)).label;
	return modelById(id)?.label ?? id;
}

/** An agency's key as a provider client needs it (opened from storage, never sent to a browser). */
export type ProviderCredential = { kind: AiKeyKind; apiKey: string; baseUrl: string | null };

/** Credits for a call of `inputTokens` in and `outputTokens` out: whole credits, rounded up. */
export function creditsFor(model: AiModel, inputTokens: number, outputTokens: number): number {
	return Math.ceil((inputTokens * model.creditsPer1kInput + outputTokens * model.creditsPer1kOutput) / 1000);
}

/** A rough token count for text a provider has not counted yet: one token per four characters. */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

/** Rate limits per plan, applied per user: requests a minute and tokens a day. */
export const ASSISTANT_LIMITS: Readonly<Record<PlanId, { requestsPerMinute: number; tokensPerDay: number }>> = {
	starter: { requestsPerMinute: 10, tokensPerDay: 200_000 },
	pro: { requestsPerMinute: 30, tokensPerDay: 1_000_000 },
	agency: { requestsPerMinute: 60, tokensPerDay: 5_000_000 },
};
