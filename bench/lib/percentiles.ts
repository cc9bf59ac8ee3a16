/** Nearest-rank percentiles of a set of times, rounded to 0.1 ms, as the probes report them. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return 0;
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

export type Spread = { p50: number; p99: number };

export function spread(times: readonly number[]): Spread {
	const sorted = [...times].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}
