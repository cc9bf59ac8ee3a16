/** The assistant's safety settings (Settings → Assistant safety) as a signal: moderation, blocked terms, content logging. */
import { signal } from "@preact/signals";
import { api } from "../api/client";
import { type ProblemView, readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

export type AssistantSafety = { moderationEnabled: boolean; blockedTerms: string[]; logContent: boolean };

/** null until loaded (the form waits for it, so nothing typed is overwritten). */
export const assistantSafety = signal<AssistantSafety | null>(null);
export const assistantSafetyProblem = signal<ProblemView | null>(null);

export async function loadAssistantSafety(): Promise<void> {
	const result = await send(() => api.api.v1.assistant.settings.$get());
	if (!result.ok) {
		assistantSafetyProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) assistantSafety.value = await result.value.json();
}

export async function saveAssistantSafety(settings: AssistantSafety): Promise<Result<AssistantSafety>> {
	const result = await send(() => api.api.v1.assistant.settings.$put({ json: settings }));
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	assistantSafety.value = await result.value.json();
	return { ok: true, value: assistantSafety.value };
}
