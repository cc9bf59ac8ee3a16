/**
 * The app's keyboard shortcuts, defined once: the key handler (components/command-palette/
 * shortcut-keys.tsx) dispatches from this list and the help sheet ("?") renders it, so the two
 * never disagree. Single-key shortcuts never fire while the person types in a field or while
 * another dialog is open; Ctrl+K (⌘K on a Mac) works everywhere. A two-key shortcut ("g" then "c")
 * waits SEQUENCE_MS for its second key.
 */

/** What a shortcut does. `go`: open the place at `path` (only when the person may open it). */
export type ShortcutAction =
	| { kind: "palette" }
	| { kind: "help" }
	| { kind: "page-search" }
	| { kind: "go"; path: "/" | "/clients" | "/projects" | "/messages" };

export type Shortcut = {
	/** The keys in order (`event.key`, lower case for letters); "mod+k" is Ctrl+K or ⌘K. */
	keys: readonly string[];
	label: string;
	group: "General" | "Go to";
	action: ShortcutAction;
};

export const SHORTCUTS: readonly Shortcut[] = [
	{ keys: ["mod+k"], label: "Open the command palette", group: "General", action: { kind: "palette" } },
	{ keys: ["?"], label: "Show keyboard shortcuts", group: "General", action: { kind: "help" } },
	{ keys: ["/"], label: "Search this page's list", group: "General", action: { kind: "page-search" } },
	{ keys: ["g", "h"], label: "Home (dashboard)", group: "Go to", action: { kind: "go", path: "/" } },
	{ keys: ["g", "c"], label: "Clients", group: "Go to", action: { kind: "go", path: "/clients" } },
	{ keys: ["g", "p"], label: "Projects", group: "Go to", action: { kind: "go", path: "/projects" } },
	{ keys: ["g", "m"], label: "Messages", group: "Go to", action: { kind: "go", path: "/messages" } },
];

/** Keys inside the command palette, listed in the help sheet (handled by the palette itself). */
export const PALETTE_KEYS: readonly { keys: readonly string[]; label: string }[] = [
	{ keys: ["↑", "↓"], label: "Move through the results" },
	{ keys: ["Enter"], label: "Open the highlighted result" },
	{ keys: ["Esc"], label: "Close the palette or this sheet" },
];

/** How long a two-key shortcut waits for its second key. */
export const SEQUENCE_MS = 1500;

/** How a key reads in the help sheet ("mod+k" as Ctrl K, or ⌘ K on Apple devices). */
export function keyLabel(key: string, apple: boolean): string[] {
	if (key === "mod+k") return [apple ? "⌘" : "Ctrl", "K"];
	return [key.length === 1 ? key.toUpperCase() : key];
}

/** Whether the keyboard is in use for typing: a text field, a select, or editable content. */
export function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	if (!(target instanceof HTMLInputElement)) return false;
	return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(target.type);
}

/** The key of an event as SHORTCUTS writes it, or null for a key no shortcut uses with these modifiers. */
export function keyOf(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">): string | null {
	if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") return "mod+k";
	if (event.ctrlKey || event.metaKey || event.altKey) return null;
	return event.key.length === 1 ? event.key.toLowerCase() : null;
}

/**
 * One key pressed after `pending` (the keys of an unfinished sequence): the shortcut it completes,
 * or the keys still pending (a prefix of some shortcut), or nothing.
 */
export function nextKey(pending: readonly string[], key: string): { shortcut: Shortcut | null; pending: string[] } {
	for (const keys of [[...pending, key], [key]]) {
		const done = SHORTCUTS.find((s) => s.keys.length === keys.length && s.keys.every((k, i) => k === keys[i]));
		if (done) return { shortcut: done, pending: [] };
		if (SHORTCUTS.some((s) => s.keys.length > keys.length && keys.every((k, i) => s.keys[i] === k)))
			return { shortcut: null, pending: keys };
	}
	return { shortcut: null, pending: [] };
}
