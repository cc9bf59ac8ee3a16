/** The agency's client list as signals: filters, sort, pages, and the actions that add, archive and restore clients. */
import { signal } from "@preact/signals";
import type { ClientT } from "../../../schema/dto/portal";
import type { ClientStatus, ServiceTier } from "../../../schema/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";

export type ClientSort = "name" | "created" | "updated" | "status";
export type ClientFilters = { q: string; status: ClientStatus | ""; tier: ServiceTier | ""; sort: ClientSort };

export const filters = signal<ClientFilters>({ q: "", status: "", tier: "", sort: "name" });
export const clientList = signal<ClientT[] | null>(null);
export const nextCursor = signal<string | null>(null);
export const listProblem = signal<ProblemView | null>(null);

function query(cursor?: string) {
	const f = filters.value;
	return {
		sort: f.sort,
		limit: "25",
		...(f.q.trim() ? { q: f.q.trim() } : {}),
		...(f.status ? { status: f.status } : {}),
		...(f.tier ? { tier: f.tier } : {}),
		...(cursor ? { cursor } : {}),
	};
}

/** Loads the first page for the current filters, or (`more`) the next page. */
export async function loadClients(more = false): Promise<void> {
	const cursor = more ? (nextCursor.value ?? undefined) : undefined;
	const result = await fetchJson(() => api.api.v1.clients.$get({ query: query(cursor) }));
	if (!result.ok) {
		listProblem.value = result.problem;
		return;
	}
	listProblem.value = null;
	clientList.value = more ? [...(clientList.value ?? []), ...result.value.clients] : result.value.clients;
	nextCursor.value = result.value.nextCursor;
}

export function setFilter<K extends keyof ClientFilters>(key: K, value: ClientFilters[K]): void {
	filters.value = { ...filters.value, [key]: value };
	void loadClients();
}

export type NewClient = { name: string; tier: ServiceTier; website: string; notes: string };

export async function addClient(input: NewClient): Promise<Result<ClientT>> {
	const result = await fetchJson(() =>
		api.api.v1.clients.$post({
			json: { name: input.name, tier: input.tier, notes: input.notes, ...(input.website.trim() ? { website: input.website.trim() } : {}) },
		}),
	);
	if (result.ok) await loadClients();
	return result;
}

function replace(client: ClientT): void {
	clientList.value = clientList.value?.map((c) => (c.id === client.id ? client : c)) ?? null;
}

/** Archives or restores, showing the new status in place; the problem (e.g. plan limit) is returned to show. */
export async function setArchived(id: string, archived: boolean): Promise<ProblemView | null> {
	const result = await fetchJson(() =>
		archived ? api.api.v1.clients[":id"].archive.$post({ param: { id } }) : api.api.v1.clients[":id"].restore.$post({ param: { id } }),
	);
	if (!result.ok) return result.problem;
	replace(result.value);
	return null;
}
