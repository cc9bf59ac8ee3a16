/**
 * Runs work the first page does not need once the browser is idle (after the page's first
 * render), or after `timeoutMs` at the latest; a plain timer where requestIdleCallback is missing (Safari).
 */
export function whenIdle(work: () => void, timeoutMs = 2000): void {
	if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: timeoutMs });
	else setTimeout(work, 1);
}
