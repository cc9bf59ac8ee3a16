/**
 * What floats over every signed-in page, mounted once by the app frame: each overlay the kit
 * offers app-wide (the command palette, toasts, the keyboard-shortcuts sheet) adds itself here,
 * so the frame's layout and these overlays can change independently.
 */
import { ShortcutKeys } from "./command-palette/shortcut-keys";
import { ConfirmHost } from "./kit/confirm";
import { Toaster } from "./kit/toaster";

export function FrameOverlays() {
	return (
		<>
			<ShortcutKeys />
			<Toaster />
			<ConfirmHost />
		</>
	);
}
