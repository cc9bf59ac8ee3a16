/** Offers the new version of the app once its service worker is waiting. */
import { applyUpdate, updateAvailable } from "../models/app-update";

export function UpdatePrompt() {
	if (!updateAvailable.value) return null;
	return (
		<div class="update-prompt" role="status">
			<span>A new version of the app is available.</span>
			<button type="button" class="button" onClick={applyUpdate}>
				Reload
			</button>
		</div>
	);
}
