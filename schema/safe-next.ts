/**
 * Where to go after sign-in: only a path on this origin, never another site (no open redirect).
 * Shared: the PWA checks `?next=` with it, and the Worker checks the `next` of OAuth and SSO redirects.
 * Parsed as a URL, so tricks the browser would normalise ("/\t/evil.example") are caught too.
 */
const SAME_ORIGIN = "https://same-origin.invalid";

export function safeNext(next: string | undefined): string {
	if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
	const url = new URL(next, SAME_ORIGIN);
	return url.origin === SAME_ORIGIN ? url.pathname + url.search + url.hash : "/";
}
