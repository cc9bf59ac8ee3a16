/** The agency's API keys as signals, and creating (the key is kept here only until the page closes) and revoking them. */
import { signal } from "@preact/signals";
import type { ApiKeyView } from "../../../schema/dto/api-keys";
import type { Permission } from "../../../schema/permissions";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

export const apiKeys = signal<ApiKeyView[] | null>(null);
export const apiKeysProblem = signal<ProblemView | null>(null);
/** The key just created, shown once. */
export const revealedKey = signal<{ name: string; key: string } | null>(null);

export async function loadApiKeys(): Promise<void> {
	apiKeysProblem.value = null;
	const result = await send(() => api.api.v1["api-keys"].$get());
	if (!result.ok) {
		apiKeysProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) apiKeys.value = (await result.value.json()).apiKeys;
}

export async function createApiKey(body: { name: string; scopes: Permission[]; expiresAt?: number }): Promise<Result<null>> {
	const result = await send(() => api.api.v1["api-keys"].$post({ json: body }));
	if (!result.ok) return result;
	if (result.value.status !== 201) return { ok: false, problem: await readProblem(result.value) };
	const created = await result.value.json();
	revealedKey.value = { name: created.apiKey.name, key: created.key };
	await loadApiKeys();
	return { ok: true, value: null };
}

export async function revokeApiKey(id: string): Promise<Result<null>> {
	const result = await send(() => api.api.v1["api-keys"][":id"].$delete({ param: { id } }));
	if (!result.ok) return result;
	await loadApiKeys();
	return { ok: true, value: null };
}
