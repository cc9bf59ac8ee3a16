/**
 * The data table's sorting rules, pure: the next sort when a header is pressed (ascending first,
 * then flips), the rows in that order (stable: equal rows keep the order the API gave), and the
 * header's aria-sort value.
 */
import type { Column } from "./columns";

export type Sort = { key: string; descending: boolean } | null;

/** Pressing a column's header: a new column sorts ascending, the sorted one flips. */
export function nextSort(current: Sort, key: string): Sort {
	return { key, descending: current?.key === key ? !current.descending : false };
}

/** The rows ordered by the sorted column; ties keep their given order in both directions. */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: Sort): readonly Row[] {
	const compare = sort ? columns.find((column) => column.key === sort.key)?.sort : undefined;
	if (!sort || !compare) return rows;
	const direction = sort.descending ? -1 : 1;
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => direction * compare(a.row, b.row) || a.index - b.index)
		.map(({ row }) => row);
}

/** The header's aria-sort: only on sortable columns; "none" until sorted by. */
export function ariaSort(sort: Sort, key: string): "ascending" | "descending" | "none" {
	if (sort?.key !== key) return "none";
	return sort.descending ? "descending" : "ascending";
}

/** A text comparison in the person's locale (case-insensitive, numbers in number order). */
export function byText<Row>(text: (row: Row) => string): (a: Row, b: Row) => number {
	return (a, b) => text(a).localeCompare(text(b), undefined, { sensitivity: "base", numeric: true });
}

/** A numeric comparison (dates as ISO strings compare as text; use byText for them). */
export function byNumber<Row>(value: (row: Row) => number): (a: Row, b: Row) => number {
	return (a, b) => value(a) - value(b);
}
