/** Offers the new version of the app once its service worker is waiting; the live region stays put so it is announced. */
import { applyUpdate, updateAvailable } from "../models/app-update";

export function UpdatePrompt() {
	return (
		<div role="status" class="update-region">
			{updateAvailable.value && (
				<div class="update-prompt">
					<span>A new version of the app is available.</span>
					<button type="button" class="button inverse" onClick={applyUpdate}>
						Reload
					</button>
				</div>
			)}
		</div>
	);
}
