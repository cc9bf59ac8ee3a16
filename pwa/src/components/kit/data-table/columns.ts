/**
 * The data table's column type and the pure rules about columns: which ones show given the
 * person's hidden choice (a column that is not `hideable` always shows).
 */
import type { ComponentChildren } from "preact";

export type Column<Row> = {
	/** Unique among the columns; also what the person's column choice remembers. */
	key: string;
	/** The header text; also the label a cell shows in a card on a phone. */
	header: string;
	/** Visually hidden header (an actions column): still read by screen readers. */
	hideHeader?: boolean;
	cell: (row: Row) => ComponentChildren;
	/** Makes the column sortable by this order (ascending); the sort is stable. */
	sort?: (a: Row, b: Row) => number;
	/** The cell names the row (rendered as a row header). */
	rowHeader?: boolean;
	/** The person may hide this column from the "Columns" menu (remembered per table). */
	hideable?: boolean;
};

/** The columns that show: every column except the hideable ones the person hid. */
export function visibleColumns<Row>(columns: readonly Column<Row>[], hidden: ReadonlySet<string>): readonly Column<Row>[] {
	return columns.filter((column) => !(column.hideable && hidden.has(column.key)));
}
