/**
 * The download centre in the PWA: the delivered list for the chosen filter (paged), the selection,
 * and bulk-download archives — asked for, then polled until ready or failed.
 */
import { computed, signal } from "@preact/signals";
import type { z } from "zod";
import type { ArchiveDto, DeliveredItem } from "../../../schema/dto/downloads";
import type { DeliverableKind, DeliverableStatus } from "../../../schema/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { dateInputToMs } from "../lib/date-format";

export type DeliveredItemT = z.infer<typeof DeliveredItem>;
export type ArchiveT = z.infer<typeof ArchiveDto>;
export type DeliveredFilterState = {
	projectId: string;
	status: DeliverableStatus | "";
	kind: DeliverableKind | "";
	/** yyyy-mm-dd from a date input, or "". */
	from: string;
	to: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export const filter = signal<DeliveredFilterState>({ projectId: "", status: "", kind: "", from: "", to: "" });
export const items = signal<DeliveredItemT[] | null>(null);
export const nextCursor = signal<string | null>(null);
export const selected = signal<ReadonlySet<string>>(new Set());
export const archives = signal<ArchiveT[]>([]);
export const downloadsProblem = signal<ProblemView | null>(null);
export const selectedCount = computed(() => selected.value.size);

/** The filter as the API takes it (dates as local day bounds; the "to" day is included). */
function apiFilter(state: DeliveredFilterState) {
	const from = dateInputToMs(state.from);
	const to = dateInputToMs(state.to);
	return {
		...(state.projectId ? { projectId: state.projectId } : {}),
		...(state.status ? { status: state.status } : {}),
		...(state.kind ? { kind: state.kind } : {}),
		...(from !== null ? { from } : {}),
		...(to !== null ? { to: to + DAY_MS } : {}),
	};
}

function queryOf(state: DeliveredFilterState, cursor?: string): Record<string, string> {
	const query: Record<string, string> = { limit: "50" };
	for (const [key, value] of Object.entries(apiFilter(state))) query[key] = String(value);
	if (cursor) query.cursor = cursor;
	return query;
}

export async function loadDelivered(more = false): Promise<void> {
	const cursor = more ? (nextCursor.value ?? undefined) : undefined;
	const result = await fetchJson(() => api.api.v1.downloads.deliverables.$get({ query: queryOf(filter.value, cursor) }));
	if (!result.ok) {
		downloadsProblem.value = result.problem;
		return;
	}
	downloadsProblem.value = null;
	items.value = more ? [...(items.value ?? []), ...result.value.items] : result.value.items;
	nextCursor.value = result.value.nextCursor;
	if (!more) selected.value = new Set();
}

export function toggle(id: string): void {
	const next = new Set(selected.value);
	if (next.has(id)) next.delete(id);
	else next.add(id);
	selected.value = next;
}

export async function loadArchives(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.downloads.archives.$get());
	if (result.ok) archives.value = result.value.archives;
}

/** Asks for a zip of the selection (or of everything matching the filter); the new archive leads the list. */
export async function requestArchive(scope: "selected" | "matching"): Promise<ArchiveT | null> {
	const json = scope === "selected" ? { deliverableIds: [...selected.value] } : { filter: apiFilter(filter.value) };
	const result = await fetchJson(() => api.api.v1.downloads.archives.$post({ json, header: { "idempotency-key": crypto.randomUUID() } }));
	if (!result.ok) {
		downloadsProblem.value = result.problem;
		return null;
	}
	downloadsProblem.value = null;
	archives.value = [result.value, ...archives.value.filter((a) => a.id !== result.value.id)];
	return result.value;
}

/** The archive as it is now (replacing it in the list). */
export async function refreshArchive(id: string): Promise<ArchiveT | null> {
	const result = await fetchJson(() => api.api.v1.downloads.archives[":id"].$get({ param: { id } }));
	if (!result.ok) return null;
	archives.value = archives.value.map((a) => (a.id === id ? result.value : a));
	return result.value;
}

export function isSettled(archive: ArchiveT): boolean {
	return archive.status === "ready" || archive.status === "failed" || archive.status === "expired";
}
