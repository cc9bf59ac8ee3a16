/**
 * Keyboard focus after an action that re-renders the page (docs/DESIGN-SYSTEM.md, "Keyboard"): a
 * model answers before Preact has drawn the new item, so the element to focus may not exist yet.
 * `focusWhenRendered` tries once per frame for about a second and gives up quietly (the item may be
 * filtered out of the list the person is looking at).
 */

/** Focuses what `find` answers as soon as it is in the document; `frames` bounds the wait. */
export function focusWhenRendered(find: () => HTMLElement | null, frames = 60): void {
	const element = find();
	if (element) element.focus();
	else if (frames > 0) requestAnimationFrame(() => focusWhenRendered(find, frames - 1));
}

/** The title link of a list row pointing at `href` inside the page's main region (a new client, a new project). */
export function rowLink(href: string): () => HTMLElement | null {
	return () => document.querySelector<HTMLElement>(`main a.record-title[href="${CSS.escape(href)}"]`);
}
