/** The audit log viewer as signals: the filters, the events loaded so far and the next page's cursor. */
import { computed, signal } from "@preact/signals";
import type { AuditAction } from "../../../schema/audit-actions";
import type { AuditEventView } from "../../../schema/dto/audit-events";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";

export type AuditFilterForm = { actor: string; action: AuditAction | ""; from: string; to: string };

export const filters = signal<AuditFilterForm>({ actor: "", action: "", from: "", to: "" });
export const events = signal<AuditEventView[] | null>(null);
export const nextCursor = signal<string | null>(null);
export const auditProblem = signal<ProblemView | null>(null);
export const loadingMore = signal(false);

const PAGE_SIZE = 50;

/** `yyyy-mm-dd` (a date input) → ms at the start of that day, local time; `endOfDay` the next midnight. */
function dayToMs(day: string, endOfDay: boolean): string | undefined {
	if (!day) return undefined;
	const start = new Date(`${day}T00:00:00`);
	if (Number.isNaN(start.getTime())) return undefined;
	return String(start.getTime() + (endOfDay ? 24 * 60 * 60 * 1000 : 0));
}

/** The query both the list and the CSV link use. */
export const filterQuery = computed(() => {
	const f = filters.value;
	const query: Record<string, string> = {};
	if (f.actor.trim()) query.actor = f.actor.trim();
	if (f.action) query.action = f.action;
	const from = dayToMs(f.from, false);
	const to = dayToMs(f.to, true);
	if (from) query.from = from;
	if (to) query.to = to;
	return query;
});

export const csvUrl = computed(() => {
	const params = new URLSearchParams(filterQuery.value).toString();
	return `/api/v1/audit-events.csv${params ? `?${params}` : ""}`;
});

async function fetchPage(cursor: string | null) {
	return send(() =>
		api.api.v1["audit-events"].$get({ query: { ...filterQuery.value, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) } }),
	);
}

export async function loadEvents(): Promise<void> {
	auditProblem.value = null;
	const result = await fetchPage(null);
	if (!result.ok) {
		auditProblem.value = result.problem;
		return;
	}
	if (result.value.status !== 200) return;
	const page = await result.value.json();
	events.value = page.events;
	nextCursor.value = page.nextCursor;
}

export async function loadMoreEvents(): Promise<void> {
	const cursor = nextCursor.value;
	if (!cursor || loadingMore.value) return;
	loadingMore.value = true;
	const result = await fetchPage(cursor);
	loadingMore.value = false;
	if (!result.ok) {
		auditProblem.value = result.problem;
		return;
	}
	if (result.value.status !== 200) return;
	const page = await result.value.json();
	events.value = [...(events.value ?? []), ...page.events];
	nextCursor.value = page.nextCursor;
}
