/** The models a tenant's plan allows among those this deployment can serve. */
import type { AiModel } from "../../../schema/ai-models";
import type { PlanId } from "../../../schema/plans";
import { availableModels, type ProviderRegistry } from "./providers/registry";

export type ModelView = {
	id: string;
	label: string;
	description: string;
	local: boolean;
	creditsPer1kInput: number;
	creditsPer1kOutput: number;
	maxOutputTokens: number;
};

export function modelsForPlan(providers: ProviderRegistry, planId: PlanId): AiModel[] {
	return availableModels(providers).filter((m) => m.plans.includes(planId));
}

export function toModelView(model: AiModel): ModelView {
	return {
		id: model.id,
		label: model.label,
		description: model.description,
		local: model.local,
		creditsPer1kInput: model.creditsPer1kInput,
		creditsPer1kOutput: model.creditsPer1kOutput,
		maxOutputTokens: model.maxOutputTokens,
	};
}
