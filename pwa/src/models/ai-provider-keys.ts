/** The agency's own AI provider keys (Settings → AI providers) as signals: loaded, saved (checked by the server first), re-checked and removed. */
import { signal } from "@preact/signals";
import type { AiKeyKind } from "../../../schema/ai-models";
import type { AiProviderKeyView, SaveAiProviderKeyBody } from "../../../schema/dto/ai-provider-keys";
import type { PlanId } from "../../../schema/plans";
import { api } from "../api/client";
import { type ProblemView, readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

/** null until loaded. */
export const providerKeys = signal<AiProviderKeyView[] | null>(null);
export const providerKeysPlan = signal<PlanId | null>(null);
export const providerKeysProblem = signal<ProblemView | null>(null);

export function keyOf(kind: AiKeyKind): AiProviderKeyView | undefined {
	return providerKeys.value?.find((key) => key.kind === kind);
}

function replace(view: AiProviderKeyView): void {
	const others = (providerKeys.value ?? []).filter((key) => key.kind !== view.kind);
	providerKeys.value = [...others, view].sort((a, b) => a.kind.localeCompare(b.kind));
}

export async function loadProviderKeys(): Promise<void> {
	const result = await send(() => api.api.v1.assistant["provider-keys"].$get());
	if (!result.ok) {
		providerKeysProblem.value = result.problem;
		return;
	}
	if (result.value.status !== 200) return;
	const list = await result.value.json();
	providerKeys.value = list.keys;
	providerKeysPlan.value = list.planId;
	providerKeysProblem.value = null;
}

/**
 * A model the endpoint does not serve comes back as `models.<n>`: the form shows one Models field,
 * so the message names the model there.
 */
function modelsProblem(problem: ProblemView, models: readonly string[] | undefined): ProblemView {
	const fields: Record<string, string> = {};
	for (const [path, message] of Object.entries(problem.fields)) {
		const match = /^models\.(\d+)$/.exec(path);
		if (match) fields.models ??= `${models?.[Number(match[1])] ?? "a model"} ${message}`;
		else fields[path] = message;
	}
	return { ...problem, fields };
}

export async function saveProviderKey(kind: AiKeyKind, body: SaveAiProviderKeyBody): Promise<Result<AiProviderKeyView>> {
	const result = await send(() => api.api.v1.assistant["provider-keys"][":kind"].$put({ param: { kind }, json: body }));
	if (!result.ok) return { ok: false, problem: modelsProblem(result.problem, body.models) };
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	const view = await result.value.json();
	replace(view);
	return { ok: true, value: view };
}

export async function checkProviderKey(kind: AiKeyKind): Promise<Result<AiProviderKeyView>> {
	const result = await send(() => api.api.v1.assistant["provider-keys"][":kind"].check.$post({ param: { kind } }));
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	const view = await result.value.json();
	replace(view);
	return { ok: true, value: view };
}

export async function removeProviderKey(kind: AiKeyKind): Promise<Result<null>> {
	const result = await send(() => api.api.v1.assistant["provider-keys"][":kind"].$delete({ param: { kind } }));
	if (!result.ok) return result;
	providerKeys.value = (providerKeys.value ?? []).filter((key) => key.kind !== kind);
	return { ok: true, value: null };
}
