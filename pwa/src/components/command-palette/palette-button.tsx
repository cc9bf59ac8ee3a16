/**
 * The header's search button: opens the command palette (the same as Ctrl+K / ⌘K), for people
 * who do not know the shortcut and for touch. Sits in the header row, before the account.
 */
import { openPalette } from "../../models/command-palette";
import { IconSearch } from "../kit/icons";
import "./command-palette.css";

const apple = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

export function PaletteButton() {
	return (
		<button
			type="button"
			class="palette-button"
			aria-haspopup="dialog"
			aria-keyshortcuts={apple ? "Meta+K" : "Control+K"}
			onClick={openPalette}
		>
			<IconSearch size={20} />
			<span class="palette-button-label">Search</span>
			<kbd class="palette-button-keys">{apple ? "⌘K" : "Ctrl K"}</kbd>
		</button>
	);
}
