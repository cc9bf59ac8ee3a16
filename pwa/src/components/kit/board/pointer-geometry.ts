/**
 * Pointer maths of a drag: where a card dropped at a height lands among a column's other cards, and
 * how fast the board scrolls sideways while the pointer is near its left or right edge.
 */

/** The index a card dropped at `y` takes: the number of the other cards whose middle is above `y`. */
export function dropIndex(middles: readonly number[], y: number): number {
	return middles.filter((middle) => middle < y).length;
}

/**
 * How near an edge the pointer must be to scroll: 48 px, or 8 % of a narrower scroller, so on a phone
 * the next column's visible edge stays a place to drop on rather than a place that scrolls.
 */
export function edgeZone(width: number): number {
	return Math.min(48, Math.round(width * 0.08));
}

/** Pixels per frame to scroll (negative: left) when `x` is within `zone` px of the scroller's edges; faster nearer the edge. */
export function edgeScrollSpeed(x: number, left: number, right: number, zone = edgeZone(right - left), max = 14): number {
	if (right - left <= zone * 2) return 0;
	if (x < left + zone) return -Math.ceil(((left + zone - Math.max(x, left)) / zone) * max);
	if (x > right - zone) return Math.ceil(((Math.min(x, right) - (right - zone)) / zone) * max);
	return 0;
}

/** Whether a pointer has travelled far enough from where it went down to count as a drag (or, on touch, a scroll). */
export function travelled(from: { x: number; y: number }, to: { x: number; y: number }, threshold: number): boolean {
	return Math.hypot(to.x - from.x, to.y - from.y) > threshold;
}
