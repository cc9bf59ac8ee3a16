/**
 * The data table's "Columns" menu: a disclosure listing the hideable columns as checkboxes (native
 * <details>, so Enter/Space open it and Tab walks the boxes). The choice is the table's to store.
 */
import type { Column } from "./columns";

type ColumnMenuProps<Row> = {
	caption: string;
	columns: readonly Column<Row>[];
	hidden: ReadonlySet<string>;
	onToggle: (key: string, show: boolean) => void;
};

export function ColumnMenu<Row>({ caption, columns, hidden, onToggle }: ColumnMenuProps<Row>) {
	const hideable = columns.filter((column) => column.hideable);
	if (hideable.length === 0) return null;
	return (
		<details class="kit-table-columns">
			<summary class="button small secondary">
				Columns<span class="visually-hidden"> of {caption}</span>
			</summary>
			<fieldset>
				<legend>Show columns</legend>
				{hideable.map((column) => (
					<label key={column.key}>
						<input type="checkbox" checked={!hidden.has(column.key)} onChange={(e) => onToggle(column.key, e.currentTarget.checked)} />{" "}
						{column.header}
					</label>
				))}
			</fieldset>
		</details>
	);
}
