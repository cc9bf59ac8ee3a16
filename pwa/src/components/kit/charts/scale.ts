/**
 * The value axis of a chart: linear scales from data to pixels, "nice" round numbers (1, 2, 5 × a
 * power of ten) and the ticks between them. Pure, so the maths is unit-tested
 * (tests/unit/chart-maths.test.ts) apart from any drawing.
 */

/** Maps `domain` onto `range` linearly; an empty domain (one value) maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	if (d0 === d1) return () => (r0 + r1) / 2;
	const k = (r1 - r0) / (d1 - d0);
	return (value) => r0 + (value - d0) * k;
}

/**
 * The "nice" number near `x` (> 0): 1, 2, 5 or 10 times a power of ten. Rounded to the nearest when
 * `round`, else the smallest nice number at least `x` (Heckbert, Graphics Gems 1990).
 */
export function niceNumber(x: number, round: boolean): number {
	if (!(x > 0) || !Number.isFinite(x)) return 1;
	const exponent = Math.floor(Math.log10(x));
	const power = 10 ** exponent;
	const fraction = x / power;
	let nice: number;
	if (round) nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
	else nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
	return nice * power;
}

export type Ticks = { min: number; max: number; step: number; ticks: number[] };

/** Digits after the point that `step` needs, so 0.1 + 0.2 shows as 0.3. */
function decimalsOf(step: number): number {
	return Math.max(0, -Math.floor(Math.log10(step)));
}

/**
 * Round ticks covering [min, max] with about `count` of them. `zero` stretches the range to include
 * 0 (bars and counts start at zero); `integer` keeps the step whole (counts, credits). An empty range
 * (every value equal, or no data) becomes one step wide so the axis still reads.
 */
export function niceTicks(min: number, max: number, count = 5, options: { zero?: boolean; integer?: boolean } = {}): Ticks {
	let lo = Math.min(min, max);
	let hi = Math.max(min, max);
	if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
		lo = 0;
		hi = 0;
	}
	if (options.zero) {
		lo = Math.min(lo, 0);
		hi = Math.max(hi, 0);
	}
	if (lo === hi) {
		if (lo === 0) hi = 1;
		else if (lo > 0) lo = options.zero ? 0 : lo - 1;
		else hi = options.zero ? 0 : hi + 1;
		if (lo === hi) hi = lo + 1;
	}
	const range = niceNumber(hi - lo, false);
	let step = niceNumber(range / Math.max(1, count - 1), true);
	if (options.integer && step < 1) step = 1;
	const niceMin = Math.floor(lo / step) * step;
	const niceMax = Math.ceil(hi / step) * step;
	const decimals = decimalsOf(step);
	const ticks: number[] = [];
	for (let i = 0; niceMin + i * step <= niceMax + step / 2; i++) ticks.push(Number((niceMin + i * step).toFixed(decimals)));
	return { min: ticks[0] ?? niceMin, max: ticks.at(-1) ?? niceMax, step, ticks };
}

/** The index of the value in ascending `values` closest to `target` (-1 when there are none). */
export function nearestIndex(values: readonly number[], target: number): number {
	if (values.length === 0) return -1;
	let lo = 0;
	let hi = values.length - 1;
	while (hi - lo > 1) {
		const mid = (lo + hi) >> 1;
		if ((values[mid] ?? 0) <= target) lo = mid;
		else hi = mid;
	}
	return Math.abs((values[hi] ?? 0) - target) < Math.abs((values[lo] ?? 0) - target) ? hi : lo;
}
