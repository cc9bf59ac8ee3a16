/** The data table's pure rules: stable sorting both ways, the next sort on a header press, aria-sort, selection and select-all, column choice. */
import { describe, expect, it } from "vitest";
import { visibleColumns } from "../../pwa/src/components/kit/data-table/columns";
import { keepShown, selectAllState, selectedLabel, toggleAll, toggleRow } from "../../pwa/src/components/kit/data-table/selection";
import { ariaSort, byText, nextSort, sortRows } from "../../pwa/src/components/kit/data-table/sort";

type Row = { id: string; name: string; group: string };
const rows: Row[] = [
	{ id: "1", name: "Cleo", group: "b" },
	{ id: "2", name: "anna", group: "a" },
	{ id: "3", name: "Ben", group: "b" },
	{ id: "4", name: "Dov", group: "a" },
];
const columns = [
	{ key: "name", header: "Name", cell: (r: Row) => r.name, sort: byText((r: Row) => r.name) },
	{ key: "group", header: "Group", cell: (r: Row) => r.group, sort: byText((r: Row) => r.group), hideable: true },
	{ key: "id", header: "Id", cell: (r: Row) => r.id },
];
const ids = (list: readonly Row[]) => list.map((r) => r.id);

describe("sorting", () => {
	it("orders by the column, case-insensitively, ascending then descending", () => {
		expect(ids(sortRows(rows, columns, { key: "name", descending: false }))).toEqual(["2", "3", "1", "4"]);
		expect(ids(sortRows(rows, columns, { key: "name", descending: true }))).toEqual(["4", "1", "3", "2"]);
	});

	it("is stable: equal rows keep the order they came in, in both directions", () => {
		expect(ids(sortRows(rows, columns, { key: "group", descending: false }))).toEqual(["2", "4", "1", "3"]);
		expect(ids(sortRows(rows, columns, { key: "group", descending: true }))).toEqual(["1", "3", "2", "4"]);
	});

	it("leaves the order alone without a sort or for a column that cannot sort", () => {
		expect(ids(sortRows(rows, columns, null))).toEqual(["1", "2", "3", "4"]);
		expect(ids(sortRows(rows, columns, { key: "id", descending: true }))).toEqual(["1", "2", "3", "4"]);
	});

	it("a header press sorts a new column ascending and flips the sorted one; aria-sort follows", () => {
		const first = nextSort(null, "name");
		expect(first).toEqual({ key: "name", descending: false });
		expect(ariaSort(first, "name")).toBe("ascending");
		expect(ariaSort(first, "group")).toBe("none");
		const second = nextSort(first, "name");
		expect(ariaSort(second, "name")).toBe("descending");
		expect(nextSort(second, "group")).toEqual({ key: "group", descending: false });
	});
});

describe("selection", () => {
	const keys = ["1", "2", "3"];
	it("toggles one row and reports none, some or all for the select-all box", () => {
		let selected: ReadonlySet<string> = new Set();
		expect(selectAllState(selected, keys)).toBe("none");
		selected = toggleRow(selected, "2");
		expect(selectAllState(selected, keys)).toBe("some");
		expect(selectedLabel(selected.size)).toBe("1 selected");
		selected = toggleRow(selected, "2");
		expect([...selected]).toEqual([]);
	});

	it("select-all selects every shown row, and clears them once all are selected", () => {
		const all = toggleAll(new Set(["1"]), keys);
		expect([...all].sort()).toEqual(keys);
		expect(selectAllState(all, keys)).toBe("all");
		expect([...toggleAll(all, keys)]).toEqual([]);
	});

	it("drops rows that are no longer shown", () => {
		expect([...keepShown(new Set(["1", "9"]), keys)]).toEqual(["1"]);
	});
});

describe("column choice", () => {
	it("hides only hideable columns the person hid", () => {
		expect(visibleColumns(columns, new Set(["group", "id"])).map((c) => c.key)).toEqual(["name", "id"]);
	});
});
