/**
 * Message threads the user may see (all of the agency's, or their own client's), with unread
 * counts, and opening a new one. The list reads the device's synced threads first (works offline)
 * and the network refreshes it (newer threads laid over the store) and adds the unread counts.
 */
import { computed, signal } from "@preact/signals";
import type { ThreadDtoT } from "../../../schema/dto/messaging";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { storeFirst } from "./store-first";
import { threadsFromStore } from "./thread-from-store";

export const threads = signal<ThreadDtoT[] | null>(null);
export const threadsProblem = signal<ProblemView | null>(null);

export async function loadThreads(filter: { clientId?: string; projectId?: string } = {}): Promise<ThreadDtoT[]> {
	const result = await fetchJson(() => api.api.v1.threads.$get({ query: { ...filter, limit: "100" } }));
	threadsProblem.value = result.ok ? null : result.problem;
	return result.ok ? result.value.threads : [];
}

/** The store first, the network's list laid over it where newer (models/store-first.ts). */
const view = storeFirst<ThreadDtoT[]>((list) =>
	list.map(({ unreadCount: _unread, ...thread }) => ({ entity: "message_threads", record: thread })),
);

/** The synced threads with the network's newer ones laid over them, and the network's unread counts; null while neither has any. */
export const shownThreads = computed(() => {
	const unread = new Map((threads.value ?? []).map((t) => [t.id, t.unreadCount]));
	const shown = threadsFromStore(view.records.value, unread);
	return shown.length > 0 ? shown : threads.value;
});

/** Refreshes both the store (sync) and the network list. */
export async function refreshThreads(): Promise<void> {
	const result = await view.load(async () => {
		const page = await fetchJson(() => api.api.v1.threads.$get({ query: { limit: "100" } }));
		return page.ok ? { ok: true as const, value: page.value.threads } : page;
	});
	// Offline, the device's threads stay shown and the network's error is not.
	threadsProblem.value = result.ok || !navigator.onLine ? null : result.problem;
	if (result.ok) threads.value = result.value;
	else threads.value ??= [];
}

export function openThread(input: { clientId: string; projectId?: string; subject: string }): Promise<Result<ThreadDtoT>> {
	return fetchJson(() => api.api.v1.threads.$post({ json: { ...input, id: crypto.randomUUID() } }));
}
