/**
 * The models a tenant's plan allows among those it can be served: the deployment's providers and the
 * agency's own keys (whose OpenAI-compatible endpoint adds its own models). Each says where its
 * reply comes from: the built-in demo model, the agency's own key, or the deployment's provider.
 */
import type { AiModel, ProviderId } from "../../../schema/ai-models";
import type { AiProviderKeyRow } from "../../../schema/index";
import type { PlanId } from "../../../schema/plans";
import { agencyModels } from "./agency-models";
import { type AssistantEnv, availableModels, configuredProviders, type ProviderSet } from "./providers/registry";

export type ModelSource = "demo" | "agency-key" | "platform";

export type ModelView = {
	id: string;
	label: string;
	description: string;
	local: boolean;
	source: ModelSource;
	creditsPer1kInput: number;
	creditsPer1kOutput: number;
	maxOutputTokens: number;
};

/** `extra`: the agency's own OpenAI-compatible models. */
export function modelsForPlan(providers: ProviderSet, planId: PlanId, extra: readonly AiModel[] = []): AiModel[] {
	return availableModels(providers, extra).filter((m) => m.plans.includes(planId));
}

/** What a tenant's replies can use: the deployment's providers, with the agency's keys' kinds. */
export function agencyProviderIds(env: AssistantEnv, keys: readonly Pick<AiProviderKeyRow, "kind">[]): Set<ProviderId> {
	return new Set<ProviderId>([...configuredProviders(env).keys(), ...keys.map((k) => k.kind)]);
}

/** The models the agency's plan allows, given its keys; the first non-local one is the default. */
export function modelsForAgency(env: AssistantEnv, keys: readonly AiProviderKeyRow[], planId: PlanId): AiModel[] {
	return modelsForPlan(agencyProviderIds(env, keys), planId, agencyModels(keys));
}

/** Where `model`'s reply comes from: the first target of its chain that can answer decides. */
export function modelSource(model: AiModel, providers: ProviderSet, agencyKinds: ReadonlySet<ProviderId>): ModelSource {
	if (model.local) return "demo";
	const answering = model.chain.find((target) => providers.has(target.provider));
	return answering && agencyKinds.has(answering.provider) ? "agency-key" : "platform";
}

export function toModelView(model: AiModel, source: ModelSource): ModelView {
	return {
		id: model.id,
		label: model.label,
		description: model.description,
		local: model.local,
		source,
		creditsPer1kInput: model.creditsPer1kInput,
		creditsPer1kOutput: model.creditsPer1kOutput,
		maxOutputTokens: model.maxOutputTokens,
	};
}
