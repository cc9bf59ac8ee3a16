/**
 * The data table's "Columns" menu: the kit's Menu with one checkbox item per hideable column, each
 * named for a screen reader as "Show the <header> column" and ticked while the column shows. Choosing
 * one toggles it and keeps the menu open; the choice is the table's to store.
 */
import { Menu } from "../menu";
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
		<div class="kit-table-columns">
			<Menu
				label={`Columns of ${caption}`}
				items={hideable.map((column) => ({
					label: column.header,
					name: `Show the ${column.header} column`,
					checked: !hidden.has(column.key),
					onSelect: () => onToggle(column.key, hidden.has(column.key)),
				}))}
			>
				Columns<span class="visually-hidden"> of {caption}</span>
			</Menu>
		</div>
	);
}
