/**
 * The one-time sign-in token a new agency owner arrives with (`/welcome#handoff=<token>`).
 * Captured before anything else runs and removed from the address bar and history at once.
 */
let pending: string | null = null;

/** Moves the token from the URL fragment into memory; call first thing at start-up. */
export function captureHandoffToken(): void {
	const token = new URLSearchParams(window.location.hash.slice(1)).get("handoff");
	if (token === null) return;
	pending = token;
	window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
}

/** The captured token, once. */
export function takeHandoffToken(): string | null {
	const token = pending;
	pending = null;
	return token;
}
