/**
 * SVG path data for line and area charts from points already in pixels. A point whose `y` is null
 * is a gap: the line stops and starts again after it (an area closes its run down to the baseline).
 */

export type PixelPoint = { x: number; y: number | null };

/** A coordinate with at most two decimals and no trailing zeros ("12.5", "3"). */
function coordinate(value: number): string {
	return String(Math.round(value * 100) / 100);
}

/** The runs of consecutive points that have a value. */
function runs(points: readonly PixelPoint[]): { x: number; y: number }[][] {
	const found: { x: number; y: number }[][] = [];
	let current: { x: number; y: number }[] = [];
	for (const point of points) {
		if (point.y === null || !Number.isFinite(point.y)) {
			if (current.length > 0) found.push(current);
			current = [];
		} else current.push({ x: point.x, y: point.y });
	}
	if (current.length > 0) found.push(current);
	return found;
}

/** "M x,y L x,y …" through the points; each gap starts a new "M". Empty when nothing has a value. */
export function linePath(points: readonly PixelPoint[]): string {
	return runs(points)
		.map((run) => run.map((p, i) => `${i === 0 ? "M" : "L"}${coordinate(p.x)},${coordinate(p.y)}`).join(""))
		.join("");
}

/** The area under the line down to `baseline` (pixels), one closed shape per run of values. */
export function areaPath(points: readonly PixelPoint[], baseline: number): string {
	const base = coordinate(baseline);
	return runs(points)
		.map((run) => {
			const first = run[0];
			const last = run.at(-1);
			if (!first || !last) return "";
			const top = run.map((p) => `L${coordinate(p.x)},${coordinate(p.y)}`).join("");
			return `M${coordinate(first.x)},${base}${top}L${coordinate(last.x)},${base}Z`;
		})
		.join("");
}
