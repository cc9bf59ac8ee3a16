/** Offers the new version of the app once its service worker is waiting; the live region stays put so it is announced. */
import { applyUpdate, updateAvailable } from "../models/app-update";
import { Button } from "./kit/button";

export function UpdatePrompt() {
	return (
		<div role="status" class="update-region">
			{updateAvailable.value && (
				<div class="update-prompt">
					<span>A new version of the app is available.</span>
					<Button variant="inverse" onClick={applyUpdate}>
						Reload
					</Button>
				</div>
			)}
		</div>
	);
}
