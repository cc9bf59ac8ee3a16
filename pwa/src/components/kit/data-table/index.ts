/** The data table kit: import everything from here (`components/kit/data-table`). */
export { type Column, visibleColumns } from "./columns";
export { DataTable, type More, type Selection } from "./data-table";
export { byNumber, byText, type Sort, sortRows } from "./sort";
