/** Shown when the app cannot reach the server and has nothing saved for this page. */
export default function Unavailable() {
	return (
		<main id="main" class="auth-page">
			<div class="auth-card">
				<h1>Can't reach your portal</h1>
				<p>You seem to be offline and this page has not been saved on this device yet. It will load when you are back online.</p>
				<button type="button" class="button primary" onClick={() => window.location.reload()}>
					Try again
				</button>
			</div>
		</main>
	);
}
