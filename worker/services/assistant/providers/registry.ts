/**
 * Which providers this deployment has: the local model always; OpenAI and Anthropic when their keys
 * are set; Workers AI when the optional `AI` binding exists. A model is offered when any target of
 * its chain is configured.
 */
import { AI_MODELS, type AiModel, type ProviderId } from "../../../../schema/ai-models";
import { anthropicProvider } from "./anthropic";
import { localEchoProvider } from "./local-echo";
import { openAiProvider } from "./openai";
import type { ChatProvider } from "./types";
import { type AiBinding, workersAiProvider } from "./workers-ai";

/** The settings the assistant reads from the Worker's environment (vars, secrets, optional AI binding). */
export type AssistantEnv = {
	OPENAI_API_KEY?: string;
	OPENAI_BASE_URL?: string;
	ANTHROPIC_API_KEY?: string;
	ANTHROPIC_BASE_URL?: string;
	OPENAI_MODERATION?: string;
	AI?: AiBinding;
	ASSISTANT_FIRST_TOKEN_TIMEOUT_MS?: string;
	ASSISTANT_LOCAL_WORD_DELAY_MS?: string;
};

export type ProviderRegistry = ReadonlyMap<ProviderId, ChatProvider>;

export function configuredProviders(env: AssistantEnv): ProviderRegistry {
	const providers = new Map<ProviderId, ChatProvider>();
	providers.set("local", localEchoProvider(numberSetting(env.ASSISTANT_LOCAL_WORD_DELAY_MS, 30)));
	if (env.OPENAI_API_KEY) providers.set("openai", openAiProvider(env.OPENAI_API_KEY, env.OPENAI_BASE_URL || undefined));
	if (env.ANTHROPIC_API_KEY) providers.set("anthropic", anthropicProvider(env.ANTHROPIC_API_KEY, env.ANTHROPIC_BASE_URL || undefined));
	if (env.AI) providers.set("workers-ai", workersAiProvider(env.AI));
	return providers;
}

export function firstTokenTimeoutMs(env: AssistantEnv): number {
	return numberSetting(env.ASSISTANT_FIRST_TOKEN_TIMEOUT_MS, 15_000);
}

/** Models with at least one configured provider. */
export function availableModels(providers: ProviderRegistry): AiModel[] {
	return AI_MODELS.filter((model) => model.chain.some((target) => providers.has(target.provider)));
}

function numberSetting(value: string | undefined, fallback: number): number {
	const parsed = value === undefined || value === "" ? Number.NaN : Number(value);
	return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}
