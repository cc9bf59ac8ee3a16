/** Lands a new agency owner from sign-up: redeems the one-time token from the URL fragment, then opens the dashboard. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { redeemHandoff } from "../models/session";

export default function Welcome() {
	const location = useLocation();
	const failed = useSignal(false);

	useEffect(() => {
		const token = new URLSearchParams(window.location.hash.slice(1)).get("handoff");
		// The token must not stay in the address bar or history.
		window.history.replaceState(null, "", "/welcome");
		if (!token) {
			failed.value = true;
			return;
		}
		void redeemHandoff(token).then((result) => {
			if (result.ok) location.route("/", true);
			else failed.value = true;
		});
	}, []);

	return (
		<main id="main" class="auth-page">
			<div class="auth-card">
				{failed.value ? (
					<>
						<h1>This sign-in link has expired</h1>
						<p>
							Sign in with your email and password instead. <a href="/signin">Go to sign-in</a>
						</p>
					</>
				) : (
					<>
						<h1>Welcome to Atrium</h1>
						<p role="status">Signing you in…</p>
					</>
				)}
			</div>
		</main>
	);
}
