/**
 * Everything outside the API: the PWA's static files and SPA fallback, served through the assets
 * binding, but only on the platform host or a known tenant's host. Unknown hosts get a 404 page;
 * page loads on an agency's other addresses redirect to its primary domain. The start and sign-in
 * pages' HTML links their chunks for preloading (worker/http/first-page-links.ts), and every page's
 * HTML carries the host's name, icons and theme (worker/http/branded-shell.ts); /theme.css serves
 * the agency's colour roles (worker/http/theme-css.ts).
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { personAppearanceOf, withHostBrand } from "../http/branded-shell";
import { withFirstPageLinks } from "../http/first-page-links";
import { THEME_CSS_PATH, themeCss, themeCssColors } from "../http/theme-css";
import { problems } from "../lib/problem";
import { hostOfRequest } from "../middleware/tenant";

const UNKNOWN_HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>No agency here</title></head><body><main><h1>No agency at this address</h1><p>Check the address you were given, or ask your agency for its portal link.</p></main></body></html>`;

export const appShellRouter = new Hono<AppEnv>();

/** A browser loading a page (not a script, image or API call): only these follow the primary domain. */
function isPageNavigation(request: Request): boolean {
	if (request.method !== "GET") return false;
	const mode = request.headers.get("Sec-Fetch-Mode");
	if (mode) return mode === "navigate";
	return (request.headers.get("Accept") ?? "").includes("text/html");
}

/** The agency's colour roles as CSS (theme-css.ts): the address names the colours, so it never changes. */
appShellRouter.get(THEME_CSS_PATH, async (c) => {
	if (!(await hostOfRequest(c))) return c.html(UNKNOWN_HOST_PAGE, 404);
	const colors = themeCssColors(new URL(c.req.url));
	if (!colors) throw problems.validation([{ path: "primary", message: "primary and accent must be colours like 1f4ed8" }]);
	return c.body(themeCss(colors.primary, colors.accent), 200, {
		"Content-Type": "text/css; charset=utf-8",
		"Cache-Control": "public, max-age=31536000, immutable",
	});
});

appShellRouter.all("*", async (c) => {
	const host = await hostOfRequest(c);
	if (!host) return c.html(UNKNOWN_HOST_PAGE, 404);
	const primary = host.kind === "tenant" ? host.primaryHostname : null;
	if (primary && host.kind === "tenant" && primary !== host.hostname && isPageNavigation(c.req.raw)) {
		const url = new URL(c.req.url);
		url.hostname = primary;
		return c.redirect(url.href, 301);
	}
	const asset = await c.env.ASSETS.fetch(c.req.raw);
	const url = new URL(c.req.url);
	const shell = await withFirstPageLinks(new Response(asset.body, asset), url, c.env.ASSETS);
	const response = withHostBrand(shell, host, personAppearanceOf(c.req.header("Cookie")));
	const path = url.pathname;
	if (path.startsWith("/assets/")) response.headers.set("Cache-Control", "public, max-age=31536000, immutable");
	else if (path === "/sw.js" || !path.includes(".")) response.headers.set("Cache-Control", "no-cache");
	return response;
});
