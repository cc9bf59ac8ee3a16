/** The install offer in the app frame: a button where the browser can install, steps on iPhone and iPad. */
import { dismissInstall, installNow, installOffer } from "../models/install";
import { tenant } from "../models/session";
import { Button } from "./kit/button";

export function InstallPrompt() {
	const offer = installOffer.value;
	if (!offer) return null;
	const name = tenant.value?.name ?? "this app";
	return (
		<section class="install-prompt" aria-labelledby="install-heading">
			<h2 id="install-heading">Keep {name} on your home screen</h2>
			{offer === "prompt" ? (
				<p>Open it like any app, get notifications, and use it offline.</p>
			) : (
				<ol>
					<li>
						Tap the <strong>Share</strong> button in Safari's toolbar.
					</li>
					<li>
						Choose <strong>Add to Home Screen</strong>, then <strong>Add</strong>.
					</li>
				</ol>
			)}
			<div class="actions">
				{offer === "prompt" && (
					<Button variant="primary" onClick={() => void installNow()}>
						Install app
					</Button>
				)}
				<Button onClick={dismissInstall}>Not now</Button>
			</div>
		</section>
	);
}
