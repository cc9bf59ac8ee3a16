/** Prompt templates (the agency's shared ones and the person's own) as a signal: listed, created, edited and deleted. */
import { signal } from "@preact/signals";
import type { PromptTemplateView } from "../../../schema/assistant";
import { api } from "../api/client";
import { type ProblemView, readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

/** null until loaded. */
export const promptTemplates = signal<PromptTemplateView[] | null>(null);
export const promptTemplatesProblem = signal<ProblemView | null>(null);

function sorted(list: PromptTemplateView[]): PromptTemplateView[] {
	return [...list].sort((a, b) => a.title.localeCompare(b.title));
}

export async function loadPromptTemplates(): Promise<void> {
	const result = await send(() => api.api.v1.assistant.templates.$get());
	if (!result.ok) {
		promptTemplatesProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) promptTemplates.value = sorted((await result.value.json()).templates);
}

export async function createPromptTemplate(input: { title: string; body: string; shared: boolean }): Promise<Result<PromptTemplateView>> {
	const result = await send(() => api.api.v1.assistant.templates.$post({ json: input }));
	if (!result.ok) return result;
	if (result.value.status !== 201) return { ok: false, problem: await readProblem(result.value) };
	const created = await result.value.json();
	promptTemplates.value = sorted([...(promptTemplates.value ?? []), created]);
	return { ok: true, value: created };
}

export async function updatePromptTemplate(id: string, input: { title: string; body: string }): Promise<Result<PromptTemplateView>> {
	const result = await send(() => api.api.v1.assistant.templates[":id"].$patch({ param: { id }, json: input }));
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	const updated = await result.value.json();
	promptTemplates.value = sorted((promptTemplates.value ?? []).map((t) => (t.id === id ? updated : t)));
	return { ok: true, value: updated };
}

export async function deletePromptTemplate(id: string): Promise<Result<null>> {
	const result = await send(() => api.api.v1.assistant.templates[":id"].$delete({ param: { id } }));
	if (!result.ok) return result;
	promptTemplates.value = (promptTemplates.value ?? []).filter((t) => t.id !== id);
	return { ok: true, value: null };
}
