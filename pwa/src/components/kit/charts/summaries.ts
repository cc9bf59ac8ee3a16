/**
 * The sentence a chart is described by (its accessible description, shown under the title): the
 * period, each series' total and highest point, the highest and lowest bar, a funnel's overall
 * conversion. Pure: the caller passes how numbers and dates are written.
 */
import { type FunnelStep, formatShare } from "./funnel-maths";

export type TimePoint = { x: number; y: number };
export type TimeSeries = { name: string; points: readonly TimePoint[] };

type Writers = { value: (n: number) => string; date: (ms: number) => string };

/** "From 1 Dec 2026 to 7 Dec 2026. Credits: total 12, highest 5 on 3 Dec 2026." */
export function describeTimeSeries(series: readonly TimeSeries[], write: Writers): string {
	const xs = series.flatMap((s) => s.points.map((p) => p.x));
	if (xs.length === 0) return "No data.";
	const first = Math.min(...xs);
	const last = Math.max(...xs);
	const period = first === last ? `On ${write.date(first)}.` : `From ${write.date(first)} to ${write.date(last)}.`;
	const parts = series
		.filter((s) => s.points.length > 0)
		.map((s) => {
			const total = s.points.reduce((sum, p) => sum + p.y, 0);
			const top = s.points.reduce((best, p) => (p.y > best.y ? p : best));
			return `${s.name}: total ${write.value(total)}, highest ${write.value(top.y)} on ${write.date(top.x)}.`;
		});
	return [period, ...parts].join(" ");
}

export type BarSeries = { name: string; values: readonly number[] };
/** What a bar chart draws: its categories and, for each series, one value per category. */
export type BarData = { categories: readonly string[]; series: readonly BarSeries[] };

/** "Credits: highest Assistant (12), lowest Exports (1)." for each series. */
export function describeBars(categories: readonly string[], series: readonly BarSeries[], value: (n: number) => string): string {
	if (categories.length === 0) return "No data.";
	return series
		.map((s) => {
			let hi = 0;
			let lo = 0;
			s.values.forEach((v, i) => {
				if (v > (s.values[hi] ?? 0)) hi = i;
				if (v < (s.values[lo] ?? 0)) lo = i;
			});
			const high = `${categories[hi]} (${value(s.values[hi] ?? 0)})`;
			if (categories.length === 1) return `${s.name}: ${high}.`;
			return `${s.name}: highest ${high}, lowest ${categories[lo]} (${value(s.values[lo] ?? 0)}).`;
		})
		.join(" ");
}

/** "Started 1,000 → Completed 50: 5% overall." */
export function describeFunnel(steps: readonly FunnelStep[], value: (n: number) => string, locale?: string): string {
	const first = steps[0];
	const last = steps.at(-1);
	if (!first || !last) return "No data.";
	if (first === last) return `${first.label}: ${value(first.count)}.`;
	return `${first.label} ${value(first.count)} → ${last.label} ${value(last.count)}: ${formatShare(last.ofFirst, locale)} overall.`;
}
