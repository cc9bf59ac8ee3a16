/**
 * The one data table. Columns and rows in; out comes a real <table> with a caption, sortable
 * headers (a button, aria-sort, stable client-side order of the loaded rows), a "Columns" menu of
 * hideable columns remembered per table (`id`), row selection with a select-all box and a bulk
 * bar announcing "3 selected", skeleton rows while `rows` is null, an empty state, a "Load more"
 * button for cursor-paged lists (`more`), a sticky header, and on a phone (< 640 px) each row as a
 * card of label/value pairs. See docs/DESIGN-SYSTEM.md "Data table".
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { loadHiddenColumns, saveHiddenColumns } from "./column-choice";
import { ColumnMenu } from "./column-menu";
import { type Column, visibleColumns } from "./columns";
import { SelectBox } from "./select-box";
import { keepShown, selectAllState, selectedLabel, toggleAll, toggleRow } from "./selection";
import { SkeletonRows } from "./skeleton-rows";
import { ariaSort, nextSort, type Sort, sortRows } from "./sort";
import "./data-table.css";

export type Selection<Row> = {
	/** Names a row for its checkbox ("Select <label>"). */
	label: (row: Row) => string;
	/** The bulk actions for the selected rows; call `clear` once done. */
	actions: (rows: readonly Row[], clear: () => void) => ComponentChildren;
};

export type More = { onMore: () => void; loading: boolean; label?: string };

type DataTableProps<Row> = {
	/** What the table shows, read by screen readers (visually hidden unless `showCaption`). */
	caption: string;
	showCaption?: boolean;
	columns: readonly Column<Row>[];
	/** null while loading: skeleton rows show under the header. */
	rows: readonly Row[] | null;
	rowKey: (row: Row) => string;
	/** Shown instead of the table when there are no rows. */
	empty: ComponentChildren;
	/** The column sorted first (its `sort`), if any. */
	initialSort?: { key: string; descending?: boolean };
	/** Names the table for the remembered column choice; needed when a column is hideable. */
	id?: string;
	/** Row selection with bulk actions. */
	select?: Selection<Row>;
	/** The next page of a cursor-paged list; null or absent when there is none. */
	more?: More | null;
};

export function DataTable<Row>(props: DataTableProps<Row>) {
	const { caption, showCaption = false, columns, rows, rowKey, empty, initialSort, id, select, more } = props;
	const sort = useSignal<Sort>(initialSort ? { key: initialSort.key, descending: initialSort.descending ?? false } : null);
	const [hidden, setHidden] = useState<ReadonlySet<string>>(() => (id ? loadHiddenColumns(id) : new Set()));
	const selected = useSignal<ReadonlySet<string>>(new Set());
	if (rows !== null && rows.length === 0) return <p class="empty-state">{empty}</p>;
	const shown = visibleColumns(columns, hidden);
	const ordered = rows === null ? null : sortRows(rows, columns, sort.value);
	const keys = ordered?.map(rowKey) ?? [];
	const chosen = keepShown(selected.value, keys);
	const chosenRows = ordered?.filter((row) => chosen.has(rowKey(row))) ?? [];
	const allState = selectAllState(chosen, keys);
	const toggleColumn = (key: string, show: boolean) => {
		const next = new Set(hidden);
		if (show) next.delete(key);
		else next.add(key);
		setHidden(next);
		if (id) saveHiddenColumns(id, next);
	};
	const hasMenu = id !== undefined && columns.some((column) => column.hideable);
	return (
		<div class="kit-table">
			{(hasMenu || select) && (
				<div class="kit-table-toolbar">
					{select && ordered && (
						<SelectBox
							label="Select all"
							labelVisible
							checked={allState === "all"}
							mixed={allState === "some"}
							onChange={() => (selected.value = toggleAll(chosen, keys))}
						/>
					)}
					{select && (
						<div class="kit-table-bulk">
							<span role="status">{chosen.size > 0 ? selectedLabel(chosen.size) : ""}</span>
							{chosen.size > 0 && select.actions(chosenRows, () => (selected.value = new Set()))}
						</div>
					)}
					{hasMenu && <ColumnMenu caption={caption} columns={columns} hidden={hidden} onToggle={toggleColumn} />}
				</div>
			)}
			<table class="kit-table-grid" aria-busy={ordered === null ? "true" : undefined}>
				<caption class={showCaption ? undefined : "visually-hidden"}>{caption}</caption>
				<thead>
					<tr>
						{select && (
							<th scope="col" class="kit-table-select">
								<span class="visually-hidden">Selected</span>
							</th>
						)}
						{shown.map((column) => (
							<th key={column.key} scope="col" aria-sort={column.sort ? ariaSort(sort.value, column.key) : undefined}>
								{column.sort ? (
									<button type="button" class="kit-table-sort" onClick={() => (sort.value = nextSort(sort.value, column.key))}>
										{column.header}
										<span aria-hidden="true">{{ ascending: " ▲", descending: " ▼", none: "" }[ariaSort(sort.value, column.key)]}</span>
									</button>
								) : column.hideHeader ? (
									<span class="visually-hidden">{column.header}</span>
								) : (
									column.header
								)}
							</th>
						))}
					</tr>
				</thead>
				<tbody>
					{ordered === null ? (
						<SkeletonRows columns={shown.length + (select ? 1 : 0)} rows={3} />
					) : (
						ordered.map((row) => {
							const key = rowKey(row);
							return (
								<tr key={key} class={chosen.has(key) ? "kit-table-chosen" : undefined}>
									{select && (
										<td class="kit-table-select">
											<SelectBox
												label={`Select ${select.label(row)}`}
												checked={chosen.has(key)}
												onChange={() => (selected.value = toggleRow(chosen, key))}
											/>
										</td>
									)}
									{shown.map((column) => {
										const label = column.hideHeader ? undefined : column.header;
										return column.rowHeader ? (
											<th key={column.key} scope="row" data-label={label}>
												{column.cell(row)}
											</th>
										) : (
											<td key={column.key} data-label={label}>
												{column.cell(row)}
											</td>
										);
									})}
								</tr>
							);
						})
					)}
				</tbody>
			</table>
			{more && (
				<button type="button" class="button secondary" aria-disabled={more.loading} onClick={() => !more.loading && more.onMore()}>
					{more.loading ? "Loading…" : (more.label ?? "Load more")}
				</button>
			)}
		</div>
	);
}
