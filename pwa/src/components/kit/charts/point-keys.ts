/**
 * The keys that move between a chart's points (one tab stop per chart, roving): arrows go to the
 * next or previous point (Right/Down forward, Left/Up back, no wrapping), Home and End to the first
 * and last. Pure: the index a key leads to, or null when the key is not one of them.
 */
export function pointIndexAfterKey(key: string, current: number, count: number): number | null {
	if (count <= 0) return null;
	switch (key) {
		case "ArrowRight":
		case "ArrowDown":
			return Math.min(count - 1, current + 1);
		case "ArrowLeft":
		case "ArrowUp":
			return Math.max(0, current - 1);
		case "Home":
			return 0;
		case "End":
			return count - 1;
		default:
			return null;
	}
}
