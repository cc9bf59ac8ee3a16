/**
 * The keyboard shortcuts of lib/shortcuts.ts, listened for on the whole signed-in app, and the two
 * overlays they open — the command palette and the shortcuts sheet — each loaded the first time it
 * opens (they stay out of the first page's JavaScript). Mounted once in frame-overlays.tsx.
 */
import type { ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { isTyping, keyOf, nextKey, SEQUENCE_MS, type ShortcutAction } from "../../lib/shortcuts";
import { mayOpenRoute } from "../../models/areas";
import { openPalette, paletteOpen, shortcutsOpen } from "../../models/command-palette";
import { NAVIGATION } from "../../navigation";

type Overlay = ComponentType<{ onClose: () => void }>;

/** Focuses the page's own search field, if it has one. */
function focusPageSearch(): boolean {
	const field = document.querySelector<HTMLInputElement>('main input[type="search"]');
	field?.focus();
	return field !== null;
}

/** Loads an overlay's module the first time `open` is true. */
function useLazy(open: boolean, load: () => Promise<Overlay>): Overlay | null {
	const [component, setComponent] = useState<Overlay | null>(null);
	useEffect(() => {
		if (open && !component) void load().then((c) => setComponent(() => c));
	}, [open]);
	return component;
}

export function ShortcutKeys() {
	const { route } = useLocation();
	const pending = useRef<{ keys: string[]; at: number }>({ keys: [], at: 0 });

	useEffect(() => {
		function run(action: ShortcutAction): boolean {
			switch (action.kind) {
				case "palette":
					if (paletteOpen.value) paletteOpen.value = false;
					else openPalette();
					return true;
				case "help":
					shortcutsOpen.value = true;
					return true;
				case "page-search":
					return focusPageSearch();
				case "go": {
					const place = NAVIGATION.find((p) => p.path === action.path);
					if (!place || !mayOpenRoute(place)) return false;
					route(action.path);
					return true;
				}
			}
		}
		function onKeyDown(event: KeyboardEvent): void {
			if (event.defaultPrevented || event.isComposing) return;
			const key = keyOf(event);
			if (!key) return;
			if (key !== "mod+k" && (isTyping(event.target) || document.querySelector("dialog[open]"))) return;
			const now = Date.now();
			const before = now - pending.current.at < SEQUENCE_MS ? pending.current.keys : [];
			const { shortcut, pending: keys } = nextKey(before, key);
			pending.current = { keys, at: now };
			if (shortcut && run(shortcut.action)) event.preventDefault();
		}
		document.addEventListener("keydown", onKeyDown);
		return () => document.removeEventListener("keydown", onKeyDown);
	}, [route]);

	const Palette = useLazy(paletteOpen.value, () => import("./command-palette").then((m) => m.CommandPalette));
	const Sheet = useLazy(shortcutsOpen.value, () => import("./shortcuts-sheet").then((m) => m.ShortcutsSheet));
	return (
		<>
			{paletteOpen.value && Palette && <Palette onClose={() => (paletteOpen.value = false)} />}
			{shortcutsOpen.value && Sheet && <Sheet onClose={() => (shortcutsOpen.value = false)} />}
		</>
	);
}
