/**
 * The pure part of the menu button pattern: which item a key moves to (arrows wrap, Home/End) and
 * which item typing a few letters reaches (typeahead from the item after the current one, wrapping).
 */

/** The index a navigation key moves to among `count` items, or null if the key is not one. */
export function moveIndex(current: number, key: string, count: number): number | null {
	if (count === 0) return null;
	switch (key) {
		case "ArrowDown":
			return (current + 1 + count) % count;
		case "ArrowUp":
			return current < 0 ? count - 1 : (current - 1 + count) % count;
		case "Home":
			return 0;
		case "End":
			return count - 1;
		default:
			return null;
	}
}

/**
 * The first item whose label starts with `query` (case-insensitive), searching from the item after
 * `current` and wrapping; a single repeated letter cycles through the items starting with it.
 */
export function typeaheadIndex(labels: string[], current: number, query: string): number | null {
	const q = query.toLocaleLowerCase();
	if (!q) return null;
	const repeated = [...q].every((ch) => ch === q[0]);
	const needle = repeated ? q.charAt(0) : q;
	// A growing query keeps matching the current item; a single letter moves on to the next.
	const from = q.length > 1 && !repeated ? current : current + 1;
	for (let step = 0; step < labels.length; step++) {
		const index = (((from + step) % labels.length) + labels.length) % labels.length;
		if (labels[index]?.toLocaleLowerCase().startsWith(needle)) return index;
	}
	return null;
}
