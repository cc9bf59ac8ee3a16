/**
 * The header's search button: opens the command palette (the same as Ctrl+K / ⌘K), for people
 * who do not know the shortcut and for touch. Sits in the header row, before the account.
 */
import { openPalette } from "../../models/command-palette";
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
			<svg
				class="icon"
				width="20"
				height="20"
				viewBox="0 0 24 24"
				fill="none"
				stroke="currentColor"
				stroke-width="2"
				aria-hidden="true"
				focusable="false"
			>
				<path d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14m10 3-5-5" stroke-linecap="round" />
			</svg>
			<span class="palette-button-label">Search</span>
			<kbd class="palette-button-keys">{apple ? "⌘K" : "Ctrl K"}</kbd>
		</button>
	);
}
