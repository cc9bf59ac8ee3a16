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

/** The period the totals cover: this calendar month (UTC), or the last N days. */
export const USAGE_PERIODS = [
	{ value: "month", label: "This month" },
	{ value: "7", label: "Last 7 days" },
	{ value: "30", label: "Last 30 days" },
	{ value: "90", label: "Last 90 days" },
] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number]["value"];
export const usagePeriod = signal<UsagePeriod>("month");

const DAY_MS = 24 * 60 * 60 * 1000;

/** The summary's `since` for a period: the API's default (the month) or N days back. */
function sinceOf(period: UsagePeriod): { since?: string } {
	return period === "month" ? {} : { since: String(Date.now() - Number(period) * DAY_MS) };
}

/** Reloads the totals for another period (the balance and the ledger stay). */
export async function loadSummary(period: UsagePeriod): Promise<void> {
	usagePeriod.value = period;
	const result = await send(() => api.api.v1.usage.credits.summary.$get({ query: sinceOf(period) }));
	if (!result.ok) {
		usageProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200 && usagePeriod.value === period) summary.value = await result.value.json();
}

export async function loadUsage(): Promise<void> {
	usageProblem.value = null;
	const [b, s, l] = await Promise.all([
		send(() => api.api.v1.usage.credits.$get()),
		send(() => api.api.v1.usage.credits.summary.$get({ query: sinceOf(usagePeriod.value) })),
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
