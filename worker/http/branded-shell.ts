/**
 * The app shell's HTML in the host's brand before any script runs: on an agency's address the tab
 * title, the no-script line, the favicon, the touch icon, the theme colour and the theme (colour
 * roles, font, corners, light or dark) are the agency's (its
 * uploaded icons when its plan shows them), so a first paint, a bookmark or a link preview of a
 * shared-file page never shows Atrium's name or mark. The platform's own host is named Atrium.
 */
import { DEFAULT_PRIMARY_COLOR } from "../../schema/brand-palette";
import { DEFAULT_THEME, PERSON_APPEARANCES, type PersonAppearance } from "../../schema/theme";
import type { HostInfo } from "../env";
import { themeCssHref } from "./theme-css";

/** The cookie the PWA keeps the person's appearance choice in, so the next load paints in it at once. */
export const APPEARANCE_COOKIE = "appearance";

/** The person's appearance from the request's cookies, or null (then the agency's default applies). */
export function personAppearanceOf(cookieHeader: string | undefined): PersonAppearance | null {
	const match = /(?:^|;\s*)appearance=([a-z]+)/.exec(cookieHeader ?? "");
	const value = match?.[1];
	return PERSON_APPEARANCES.find((a) => a === value) ?? null;
}

const PLATFORM_TITLE = "Atrium — client portals for agencies";

/** What the shell's head says on this host. */
function shellOf(host: HostInfo) {
	if (host.kind === "platform") return { title: PLATFORM_TITLE, noscript: "Atrium needs JavaScript to run.", brand: null };
	const name = host.tenant.name;
	return { title: name, noscript: `${name}'s portal needs JavaScript to run.`, brand: host.brand };
}

/**
 * The HTML with the host's name, icons and theme in it: <html> carries data-theme (the person's
 * choice, else the agency's default), data-font and data-corners, and the head links /theme.css with
 * the agency's colour roles, all before first paint. Anything that is not an HTML page passes unchanged.
 */
export function withHostBrand(response: Response, host: HostInfo, personAppearance: PersonAppearance | null = null): Response {
	if (response.status !== 200 || !(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return response;
	const shell = shellOf(host);
	const brand = shell.brand;
	const theme = brand ?? DEFAULT_THEME;
	const stylesheet = brand ? themeCssHref(brand.primaryColor, brand.accentColor) : null;
	const rewriter = new HTMLRewriter()
		.on("html", {
			element(html) {
				html.setAttribute("data-theme", personAppearance ?? theme.defaultAppearance);
				html.setAttribute("data-font", theme.font);
				html.setAttribute("data-corners", theme.cornerStyle);
			},
		})
		.on("head", {
			element(head) {
				if (stylesheet) head.append(`<link rel="stylesheet" href="${stylesheet.replaceAll("&", "&amp;")}" data-theme-css>`, { html: true });
			},
		})
		.on("title", {
			element(title) {
				title.setInnerContent(shell.title);
			},
		})
		.on("noscript", {
			element(noscript) {
				noscript.setInnerContent(shell.noscript);
			},
		});
	if (!brand) return rewriter.transform(response);
	return rewriter
		.on('meta[name="theme-color"]', {
			element(meta) {
				meta.setAttribute("content", brand.primaryColor ?? DEFAULT_PRIMARY_COLOR);
			},
		})
		.on('link[rel="icon"]', {
			element(link) {
				if (!brand.faviconUrl) return;
				link.setAttribute("href", brand.faviconUrl);
				link.setAttribute("type", "image/png");
			},
		})
		.on('link[rel="apple-touch-icon"]', {
			element(link) {
				if (brand.icon192Url) link.setAttribute("href", brand.icon192Url);
			},
		})
		.transform(response);
}
