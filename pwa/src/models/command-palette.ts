/**
 * Whether the command palette and the keyboard-shortcuts sheet are open: the header's search
 * button, the key handler and the overlays share these two signals (tiny, in the first bundle;
 * the palette and the sheet themselves load when first opened).
 */
import { signal } from "@preact/signals";

export const paletteOpen = signal(false);
export const shortcutsOpen = signal(false);

export function openPalette(): void {
	shortcutsOpen.value = false;
	paletteOpen.value = true;
}
