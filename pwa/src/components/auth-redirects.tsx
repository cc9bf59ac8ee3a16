/**
 * The redirects around signing in: signed-out visitors of a protected page go to sign-in (the page
 * remembered in `?next=`), and a freshly signed-in user continues there, if it is a path on this
 * site, else to the start page. Never to another origin (no open redirect).
 */
import { useLocation } from "preact-iso";
import { safeNext } from "../lib/safe-next";
import { Redirect } from "./redirect";

export function ContinueAfterSignIn() {
	const { query } = useLocation();
	return <Redirect to={safeNext(query.next)} />;
}

/** Sends a signed-out visitor of a protected page to sign-in, remembering the page. */
export function RedirectToSignIn() {
	const { url } = useLocation();
	return <Redirect to={url === "/" ? "/signin" : `/signin?next=${encodeURIComponent(url)}`} />;
}
