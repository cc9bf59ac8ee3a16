/**
 * The person's column choice per table, remembered in localStorage under `atrium.columns.<table>`
 * (a list of hidden column keys). Unreadable or absent storage means every column shows.
 */
const PREFIX = "atrium.columns.";

export function loadHiddenColumns(tableId: string): ReadonlySet<string> {
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(PREFIX + tableId) ?? "[]");
		return new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === "string") : []);
	} catch {
		return new Set();
	}
}

export function saveHiddenColumns(tableId: string, hidden: ReadonlySet<string>): void {
	try {
		localStorage.setItem(PREFIX + tableId, JSON.stringify([...hidden]));
	} catch {
		// Private mode or full storage: the choice lasts until the page reloads.
	}
}
