/**
 * The data table's row selection rules, pure: toggling one row, the select-all checkbox (selects
 * every shown row, or clears them when all are selected), its mixed state, and dropping keys of
 * rows that are no longer shown (after a bulk action removed them or a reload).
 */

/** One row's checkbox pressed. */
export function toggleRow(selected: ReadonlySet<string>, key: string): ReadonlySet<string> {
	const next = new Set(selected);
	if (next.has(key)) next.delete(key);
	else next.add(key);
	return next;
}

/** How many of the shown rows are selected: none, some (the select-all box is mixed) or all. */
export function selectAllState(selected: ReadonlySet<string>, keys: readonly string[]): "none" | "some" | "all" {
	const count = keys.filter((key) => selected.has(key)).length;
	if (count === 0) return "none";
	return count === keys.length ? "all" : "some";
}

/** The select-all checkbox pressed: all shown rows, or none when all were selected. */
export function toggleAll(selected: ReadonlySet<string>, keys: readonly string[]): ReadonlySet<string> {
	return selectAllState(selected, keys) === "all" ? new Set() : new Set(keys);
}

/** The selection kept to rows still shown. */
export function keepShown(selected: ReadonlySet<string>, keys: readonly string[]): ReadonlySet<string> {
	const shown = new Set(keys);
	return new Set([...selected].filter((key) => shown.has(key)));
}

/** The bulk bar's announcement. */
export function selectedLabel(count: number): string {
	return `${count} selected`;
}
