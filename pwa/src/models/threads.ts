/**
 * Message threads the user may see (all of the agency's, or their own client's), with unread
 * counts, and opening a new one. The list reads the device's synced threads first (works offline)
 * and the network refreshes it and adds the unread counts.
 */
import { computed, signal } from "@preact/signals";
import type { ThreadDtoT } from "../../../schema/dto/messaging";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { records, storeReady, syncNow } from "./sync";
import { threadsFromStore } from "./thread-from-store";

export const threads = signal<ThreadDtoT[] | null>(null);
export const threadsProblem = signal<ProblemView | null>(null);

export async function loadThreads(filter: { clientId?: string; projectId?: string } = {}): Promise<ThreadDtoT[]> {
	const result = await fetchJson(() => api.api.v1.threads.$get({ query: { ...filter, limit: "100" } }));
	threadsProblem.value = result.ok ? null : result.problem;
	return result.ok ? result.value.threads : [];
}

/** The synced threads when the device holds any (with the network's unread counts), else the network's list. */
export const shownThreads = computed(() => {
	const unread = new Map((threads.value ?? []).map((t) => [t.id, t.unreadCount]));
	const stored = storeReady.value ? threadsFromStore(records.value, unread) : [];
	return stored.length > 0 ? stored : threads.value;
});

/** Refreshes both the store (sync) and the network list. */
export async function refreshThreads(): Promise<void> {
	void syncNow();
	const result = await fetchJson(() => api.api.v1.threads.$get({ query: { limit: "100" } }));
	// Offline, the device's threads stay shown and the network's error is not.
	threadsProblem.value = result.ok || !navigator.onLine ? null : result.problem;
	if (result.ok) threads.value = result.value.threads;
	else threads.value ??= [];
}

export function openThread(input: { clientId: string; projectId?: string; subject: string }): Promise<Result<ThreadDtoT>> {
	return fetchJson(() => api.api.v1.threads.$post({ json: { ...input, id: crypto.randomUUID() } }));
}
