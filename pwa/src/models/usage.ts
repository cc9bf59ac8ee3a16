/** The agency's credit usage as signals: balance, this month's totals and the ledger, loaded page by page. */
import { computed, signal } from "@preact/signals";
import type { LedgerEntry, UsageSummary } from "../../../schema/credits";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";

type Balance = { balance: number; reserved: number; available: number };

export const balance = signal<Balance | null>(null);
export const summary = signal<UsageSummary | null>(null);
export const entries = signal<LedgerEntry[]>([]);
export const nextCursor = signal<string | null>(null);
export const usageProblem = signal<ProblemView | null>(null);
export const loadingMore = signal(false);

export const hasUsage = computed(() => entries.value.length > 0);

const PAGE_SIZE = 25;

export async function loadUsage(): Promise<void> {
	usageProblem.value = null;
	const [b, s, l] = await Promise.all([
		send(() => api.api.v1.usage.credits.$get()),
		send(() => api.api.v1.usage.credits.summary.$get({ query: {} })),
		send(() => api.api.v1.usage.credits.ledger.$get({ query: { limit: String(PAGE_SIZE) } })),
	]);
	if (!b.ok || !s.ok || !l.ok) {
		usageProblem.value = (!b.ok && b.problem) || (!s.ok && s.problem) || (!l.ok && l.problem) || null;
		return;
	}
	if (b.value.status === 200) balance.value = await b.value.json();
	if (s.value.status === 200) summary.value = await s.value.json();
	if (l.value.status === 200) {
		const page = await l.value.json();
		entries.value = page.entries;
		nextCursor.value = page.nextCursor;
	}
}

export async function loadMoreEntries(): Promise<void> {
	const cursor = nextCursor.value;
	if (!cursor || loadingMore.value) return;
	loadingMore.value = true;
	const result = await send(() => api.api.v1.usage.credits.ledger.$get({ query: { limit: String(PAGE_SIZE), cursor } }));
	loadingMore.value = false;
	if (!result.ok) {
		usageProblem.value = result.problem;
		return;
	}
	if (result.value.status !== 200) return;
	const page = await result.value.json();
	entries.value = [...entries.value, ...page.entries];
	nextCursor.value = page.nextCursor;
}
