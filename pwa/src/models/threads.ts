/** Message threads the user may see (all of the agency's, or their own client's), with unread counts, and opening a new one. */
import { signal } from "@preact/signals";
import type { ThreadDtoT } from "../../../schema/dto/messaging";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";

export const threads = signal<ThreadDtoT[] | null>(null);
export const threadsProblem = signal<ProblemView | null>(null);

export async function loadThreads(filter: { clientId?: string; projectId?: string } = {}): Promise<ThreadDtoT[]> {
	const result = await fetchJson(() => api.api.v1.threads.$get({ query: { ...filter, limit: "100" } }));
	threadsProblem.value = result.ok ? null : result.problem;
	return result.ok ? result.value.threads : [];
}

export async function refreshThreads(): Promise<void> {
	threads.value = await loadThreads();
}

export function openThread(input: { clientId: string; projectId?: string; subject: string }): Promise<Result<ThreadDtoT>> {
	return fetchJson(() => api.api.v1.threads.$post({ json: { ...input, id: crypto.randomUUID() } }));
}
