/**
 * How a navigation entry marks where the person is: "page" on the area's own page, "true" on a page
 * inside it (/projects/42 is in Projects), nothing elsewhere. Used as the entry's aria-current.
 */
export function currentMark(areaPath: string, path: string): "page" | "true" | undefined {
	if (path === areaPath) return "page";
	if (areaPath !== "/" && path.startsWith(`${areaPath}/`)) return "true";
	return undefined;
}
