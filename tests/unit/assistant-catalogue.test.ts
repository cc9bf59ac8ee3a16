/** The model catalogue: what is offered with and without providers, and whole-credit prices. */
import { describe, expect, it } from "vitest";
import { AI_MODELS, creditsFor, LOCAL_MODEL_ID, modelById } from "../../schema/ai-models";
import { modelsForPlan } from "../../worker/services/assistant/models";
import { configuredProviders } from "../../worker/services/assistant/providers/registry";

describe("model catalogue", () => {
	it("offers only the local model when no provider is configured", () => {
		const none = configuredProviders({});
		expect([...none.keys()]).toEqual(["local"]);
		for (const plan of ["starter", "pro", "agency"] as const) expect(modelsForPlan(none, plan).map((m) => m.id)).toEqual([LOCAL_MODEL_ID]);
	});

	it("adds models as keys and the AI binding appear, within the plan", () => {
		const anthropicOnly = configuredProviders({ ANTHROPIC_API_KEY: "k" });
		expect(modelsForPlan(anthropicOnly, "starter").map((m) => m.id)).toEqual([LOCAL_MODEL_ID, "openai/gpt-4o-mini"]);
		expect(modelsForPlan(anthropicOnly, "pro").map((m) => m.id)).toContain("anthropic/claude-sonnet-4-5");
		const withAi = configuredProviders({ AI: { run: async () => null } });
		expect(modelsForPlan(withAi, "starter").map((m) => m.id)).toEqual([LOCAL_MODEL_ID, "openai/gpt-4o-mini", "workers-ai/llama-3.1-8b"]);
	});

	it("labels the local model honestly and makes it free", () => {
		const local = modelById(LOCAL_MODEL_ID);
		expect(local?.label).toBe("Demo model — not a real AI");
		expect(local && creditsFor(local, 10_000, 10_000)).toBe(0);
	});

	it("prices in whole credits, rounded up", () => {
		const mini = modelById("openai/gpt-4o-mini");
		if (!mini) throw new Error("missing");
		expect(creditsFor(mini, 1000, 500)).toBe(3);
		expect(creditsFor(mini, 1, 0)).toBe(1);
		expect(creditsFor(mini, 0, 0)).toBe(0);
		for (const model of AI_MODELS)
			expect(Number.isInteger(model.creditsPer1kInput) && Number.isInteger(model.creditsPer1kOutput)).toBe(true);
	});
});
