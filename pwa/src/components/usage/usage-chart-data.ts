/**
 * The Usage page's chart data from the credits summary: credits for every UTC day of the period
 * (from the day `since` falls on to today, 0 on a day nothing was used, as the API counts days in
 * UTC) and credits by feature, largest first. Pure (tests/unit/usage-chart-data.test.ts).
 */
import type { UsageSummary } from "../../../../schema/credits";
import { msToDateInput } from "../../lib/date-format";
import type { BarData, TimePoint } from "../kit/charts/summaries";
import { featureName } from "./usage-labels";

const DAY_MS = 86_400_000;

/** One point per UTC day from `since`'s day to `now`'s, each at that day's UTC midnight; none when nothing was used. */
export function creditsByDay(summary: Pick<UsageSummary, "since" | "byDay">, now: number): TimePoint[] {
	if (summary.byDay.length === 0) return [];
	const used = new Map(summary.byDay.map((d) => [d.day, d.credits]));
	const first = Math.floor(summary.since / DAY_MS) * DAY_MS;
	const lastUsed = Math.max(...summary.byDay.map((d) => Date.parse(`${d.day}T00:00:00Z`)));
	const last = Math.max(Math.floor(now / DAY_MS) * DAY_MS, lastUsed);
	const points: TimePoint[] = [];
	for (let day = first; day <= last; day += DAY_MS) {
		points.push({ x: day, y: used.get(msToDateInput(day, "UTC")) ?? 0 });
	}
	return points;
}

/** Credits by feature as one series of bars, the feature that used most first. */
export function creditsByFeature(summary: Pick<UsageSummary, "byFeature">): BarData {
	const rows = [...summary.byFeature].sort((a, b) => b.credits - a.credits || a.feature.localeCompare(b.feature));
	return { categories: rows.map((r) => featureName(r.feature)), series: [{ name: "Credits", values: rows.map((r) => r.credits) }] };
}
