/**
 * Which providers a tenant's replies can use: the local model always; OpenAI and Anthropic when the
 * deployment's keys are set; Workers AI when the optional `AI` binding exists; and the agency's own
 * keys (Settings → AI providers), each replacing the deployment's provider of its kind, plus its
 * OpenAI-compatible endpoint, reached only through the outbound-URL guard. A model is offered when
 * any target of its chain is configured.
 */
import { AI_MODELS, type AiModel, type ProviderCredential, type ProviderId } from "../../../../schema/ai-models";
import { guardedFetch } from "../../../lib/outbound-url-guard";
import { anthropicProvider } from "./anthropic";
import { localEchoProvider } from "./local-echo";
import { openAiProvider } from "./openai";
import type { ChatProvider, Fetcher } from "./types";
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
	/** For the outbound guard an agency's endpoint goes through: development allows the local fakes on loopback. */
	ENVIRONMENT?: string;
	DOH_URL?: string;
};

/** Requests to a URL an agency supplied: every hop checked, and the host's DNS answer must be public. */
export function guardedFetcher(env: AssistantEnv): Fetcher {
	const outbound = { ENVIRONMENT: env.ENVIRONMENT ?? "production", ...(env.DOH_URL ? { DOH_URL: env.DOH_URL } : {}) };
	return (input, init) => guardedFetch(outbound, input, init, { resolveDns: true });
}

/** The client for an agency's own key: the official APIs at the deployment's base URLs, or its endpoint through the guard. */
export function providerForCredential(env: AssistantEnv, credential: ProviderCredential): ChatProvider {
	switch (credential.kind) {
		case "openai":
			return openAiProvider(credential.apiKey, env.OPENAI_BASE_URL || undefined);
		case "anthropic":
			return anthropicProvider(credential.apiKey, env.ANTHROPIC_BASE_URL || undefined);
		case "openai-compatible":
			return openAiProvider(credential.apiKey, credential.baseUrl ?? "", guardedFetcher(env), "openai-compatible");
	}
}

export type ProviderRegistry = ReadonlyMap<ProviderId, ChatProvider>;

/** Which providers can answer (a registry, or just their ids). */
export type ProviderSet = { has(id: ProviderId): boolean };

export function configuredProviders(env: AssistantEnv, credentials: readonly ProviderCredential[] = []): ProviderRegistry {
	const providers = new Map<ProviderId, ChatProvider>();
	providers.set("local", localEchoProvider(numberSetting(env.ASSISTANT_LOCAL_WORD_DELAY_MS, 30)));
	if (env.OPENAI_API_KEY) providers.set("openai", openAiProvider(env.OPENAI_API_KEY, env.OPENAI_BASE_URL || undefined));
	if (env.ANTHROPIC_API_KEY) providers.set("anthropic", anthropicProvider(env.ANTHROPIC_API_KEY, env.ANTHROPIC_BASE_URL || undefined));
	if (env.AI) providers.set("workers-ai", workersAiProvider(env.AI));
	for (const credential of credentials) providers.set(credential.kind, providerForCredential(env, credential));
	return providers;
}

export function firstTokenTimeoutMs(env: AssistantEnv): number {
	return numberSetting(env.ASSISTANT_FIRST_TOKEN_TIMEOUT_MS, 15_000);
}

/** Models with at least one configured provider, among the catalogue and an agency's own (`extra`). */
export function availableModels(providers: ProviderSet, extra: readonly AiModel[] = []): AiModel[] {
	return [...AI_MODELS, ...extra].filter((model) => model.chain.some((target) => providers.has(target.provider)));
}

function numberSetting(value: string | undefined, fallback: number): number {
	const parsed = value === undefined || value === "" ? Number.NaN : Number(value);
	return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}
