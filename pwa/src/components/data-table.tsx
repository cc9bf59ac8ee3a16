/**
 * The one data table: columns and rows in, a table out — a caption for screen readers, column
 * headers with scope, an honest empty state instead of an empty table, optional sorting by a
 * column (a button in its header, aria-sort on it), and on narrow screens each row stacks into a
 * card whose cells carry their column's name (the `data-label` the stylesheet shows).
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";

export type Column<Row> = {
	/** Unique among the columns. */
	key: string;
	/** The header text; also the label a stacked cell shows on a narrow screen. */
	header: string;
	/** Visually hidden header (an actions column): still read by screen readers. */
	hideHeader?: boolean;
	cell: (row: Row) => ComponentChildren;
	/** Makes the column sortable by this order (ascending). */
	sort?: (a: Row, b: Row) => number;
	/** The cell names the row (rendered as a row header). */
	rowHeader?: boolean;
};

type Sort = { key: string; descending: boolean } | null;

type DataTableProps<Row> = {
	/** What the table shows, read by screen readers (visually hidden unless `showCaption`). */
	caption: string;
	showCaption?: boolean;
	columns: readonly Column<Row>[];
	rows: readonly Row[];
	rowKey: (row: Row) => string;
	/** Shown instead of the table when there are no rows. */
	empty: ComponentChildren;
	/** The column sorted first (its `sort`), if any. */
	initialSort?: { key: string; descending?: boolean };
};

function sorted<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: Sort): readonly Row[] {
	const compare = sort ? columns.find((column) => column.key === sort.key)?.sort : undefined;
	if (!sort || !compare) return rows;
	const ordered = [...rows].sort(compare);
	return sort.descending ? ordered.reverse() : ordered;
}

export function DataTable<Row>({ caption, showCaption = false, columns, rows, rowKey, empty, initialSort }: DataTableProps<Row>) {
	const sort = useSignal<Sort>(initialSort ? { key: initialSort.key, descending: initialSort.descending ?? false } : null);
	if (rows.length === 0) return <p class="empty-state">{empty}</p>;
	const toggle = (key: string) => {
		const current = sort.value;
		sort.value = { key, descending: current?.key === key ? !current.descending : false };
	};
	return (
		<table class="data-table">
			<caption class={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
			<thead>
				<tr>
					{columns.map((column) => {
						const active = sort.value?.key === column.key ? sort.value : null;
						return (
							<th
								key={column.key}
								scope="col"
								aria-sort={column.sort ? (active ? (active.descending ? "descending" : "ascending") : "none") : undefined}
							>
								{column.sort ? (
									<button type="button" class="sort-button" onClick={() => toggle(column.key)}>
										{column.header}
										<span aria-hidden="true">{active ? (active.descending ? " ▼" : " ▲") : ""}</span>
									</button>
								) : column.hideHeader ? (
									<span class="visually-hidden">{column.header}</span>
								) : (
									column.header
								)}
							</th>
						);
					})}
				</tr>
			</thead>
			<tbody>
				{sorted(rows, columns, sort.value).map((row) => (
					<tr key={rowKey(row)}>
						{columns.map((column) =>
							column.rowHeader ? (
								<th key={column.key} scope="row" data-label={column.header}>
									{column.cell(row)}
								</th>
							) : (
								<td key={column.key} data-label={column.header}>
									{column.cell(row)}
								</td>
							),
						)}
					</tr>
				))}
			</tbody>
		</table>
	);
}
