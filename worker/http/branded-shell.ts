/**
 * The app shell's HTML in the host's brand before any script runs: on an agency's address the tab
 * title, the no-script line, the favicon, the touch icon and the theme colour are the agency's (its
 * uploaded icons when its plan shows them), so a first paint, a bookmark or a link preview of a
 * shared-file page never shows Atrium's name or mark. The platform's own host is named Atrium.
 */
import { DEFAULT_PRIMARY_COLOR } from "../../schema/brand-palette";
import type { HostInfo } from "../env";

const PLATFORM_TITLE = "Atrium — client portals for agencies";

/** What the shell's head says on this host. */
function shellOf(host: HostInfo) {
	if (host.kind === "platform") return { title: PLATFORM_TITLE, noscript: "Atrium needs JavaScript to run.", brand: null };
	const name = host.tenant.name;
	return { title: name, noscript: `${name}'s portal needs JavaScript to run.`, brand: host.brand };
}

/** The HTML with the host's name and icons in its head; anything that is not an HTML page passes unchanged. */
export function withHostBrand(response: Response, host: HostInfo): Response {
	if (response.status !== 200 || !(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return response;
	const shell = shellOf(host);
	const brand = shell.brand;
	const rewriter = new HTMLRewriter()
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
