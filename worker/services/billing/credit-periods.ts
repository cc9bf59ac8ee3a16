/**
 * Pure rules of the plan credit grant (no I/O): which monthly credit slice of a Stripe billing
 * period a moment falls in, and how many credits an upgrade tops up for the rest of that slice.
 * A monthly plan's slice is its Stripe period (a trial is one slice too); a yearly plan's period is
 * cut into month-long slices from its start, each granted the plan's monthly allowance.
 */

export type TimeRange = { start: number; end: number };

/** `from` plus `months` calendar months in UTC; a day the target month lacks becomes its last day (Jan 31 + 1 → Feb 28). */
export function addMonthsUtc(from: number, months: number): number {
	const date = new Date(from);
	const day = date.getUTCDate();
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() + months);
	const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	date.setUTCDate(Math.min(day, lastDay));
	return date.getTime();
}

/**
 * The month-long slice of `period` that holds `at` (clamped into the period, so an event stamped a
 * little before its period, or a cron run after it, still names one slice). Null for an empty period.
 */
export function creditSliceAt(period: TimeRange, at: number): TimeRange | null {
	if (period.end <= period.start) return null;
	const moment = Math.min(Math.max(at, period.start), period.end - 1);
	let start = period.start;
	for (let months = 1; ; months++) {
		const next = addMonthsUtc(period.start, months);
		if (next > moment || next >= period.end) return { start, end: Math.min(next, period.end) };
		start = next;
	}
}

/**
 * Credits an upgrade from an allowance of `fromCredits` to `toCredits` tops up at `at`: the
 * difference times the share of the slice still to come, rounded down to a whole credit. Moving to
 * a smaller allowance gives 0 (and takes nothing back).
 */
export function proratedTopUp(fromCredits: number, toCredits: number, slice: TimeRange, at: number): number {
	const length = slice.end - slice.start;
	if (toCredits <= fromCredits || length <= 0) return 0;
	const left = Math.min(Math.max(slice.end - at, 0), length);
	return Math.floor(((toCredits - fromCredits) * left) / length);
}
