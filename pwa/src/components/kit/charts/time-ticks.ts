/**
 * The time axis: ticks on calendar boundaries in the person's time zone (local midnights, the first
 * of a month, the first of a year), as few as fit, and their labels in the person's locale. A day
 * starts at local midnight, so around a change of the clocks a day is 23 or 25 hours long and the
 * ticks still fall on midnight. Pure apart from Intl (tests/unit/chart-maths.test.ts).
 */
import { dateInputToMs, msToDateInput, shiftCalendarDate, zonedFormatter } from "../../../lib/date-format";

export type TimeUnit = "day" | "month" | "year";
export type TimeTicks = { unit: TimeUnit; ticks: number[] };

/** The steps tried, finest first: every day, every 2nd, weekly, fortnightly, then months, then years. */
const STEPS: readonly { unit: TimeUnit; step: number }[] = [
	{ unit: "day", step: 1 },
	{ unit: "day", step: 2 },
	{ unit: "day", step: 7 },
	{ unit: "day", step: 14 },
	{ unit: "month", step: 1 },
	{ unit: "month", step: 3 },
	{ unit: "month", step: 6 },
	{ unit: "year", step: 1 },
	{ unit: "year", step: 2 },
	{ unit: "year", step: 5 },
	{ unit: "year", step: 10 },
	{ unit: "year", step: 50 },
	{ unit: "year", step: 100 },
];

/** Local midnight of `date` in `timeZone` (epoch ms). */
function midnight(date: string, timeZone: string): number {
	return dateInputToMs(date, timeZone) ?? Number.NaN;
}

/** The calendar dates from the first boundary at or after `from`, every `step` units, up to `to`; stops past `limit`. */
function ticksOf(from: number, to: number, timeZone: string, unit: TimeUnit, step: number, limit: number): number[] {
	const today = msToDateInput(from, timeZone);
	let date: string;
	if (unit === "day") date = today;
	else if (unit === "month") date = `${today.slice(0, 7)}-01`;
	else date = `${today.slice(0, 4)}-01-01`;
	// The first boundary at or after `from`, aligned to the step (months 1/4/7/10 for quarters, years divisible by the step).
	const aligned = (d: string) => {
		if (unit === "month") return (Number(d.slice(5, 7)) - 1) % step === 0;
		if (unit === "year") return Number(d.slice(0, 4)) % step === 0;
		return true;
	};
	const next = (d: string, by: number) =>
		unit === "day" ? shiftCalendarDate(d, by) : unit === "month" ? shiftCalendarDate(d, 0, by) : shiftCalendarDate(d, 0, 12 * by);
	let guard = 0;
	while ((midnight(date, timeZone) < from || !aligned(date)) && guard++ < 400) date = next(date, 1);
	const ticks: number[] = [];
	for (let ms = midnight(date, timeZone); ms <= to && ticks.length <= limit; date = next(date, step), ms = midnight(date, timeZone)) {
		if (Number.isFinite(ms)) ticks.push(ms);
	}
	return ticks;
}

/**
 * Ticks for the instants [from, to] in `timeZone`: the finest calendar step that gives at most
 * `maxTicks`. When no boundary falls inside (one point in the middle of a day), the one tick is `from`.
 */
export function timeTicks(from: number, to: number, timeZone: string, maxTicks: number): TimeTicks {
	const limit = Math.max(1, Math.floor(maxTicks));
	for (const { unit, step } of STEPS) {
		const ticks = ticksOf(from, to, timeZone, unit, step, limit);
		if (ticks.length <= limit) return { unit, ticks: ticks.length > 0 ? ticks : [from] };
	}
	return { unit: "year", ticks: [from] };
}

const TICK_FORMATS: Record<TimeUnit, Parameters<typeof zonedFormatter>[0]> = {
	day: { day: "numeric", month: "short" },
	month: { month: "short", year: "numeric" },
	year: { year: "numeric" },
};

/** A tick's label for its unit: "7 Dec" (day), "Dec 2026" (month), "2026" (year), in the locale and zone. */
export function tickLabel(ms: number, unit: TimeUnit, timeZone: string, locale?: string): string {
	return zonedFormatter(TICK_FORMATS[unit], timeZone, locale).format(ms);
}

/** A point's full date for readouts and tables ("7 Dec 2026"), in the locale and zone. */
export function pointDateLabel(ms: number, timeZone: string, locale?: string): string {
	return zonedFormatter({ dateStyle: "medium" }, timeZone, locale).format(ms);
}
