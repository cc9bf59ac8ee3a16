/**
 * The likely first page's chunks, linked from the HTML itself. For `/` and `/signin` the build's
 * first-pages.json names the page's chunk and its imports beyond the app shell
 * (pwa/first-page-preload.ts). The served index.html gets a `<link rel="modulepreload">` for each,
 * so the browser requests them together with the shell, and loses the small script that would add
 * the same links one round trip later. The service worker's copy of index.html keeps that script.
 */

type FirstPages = Record<string, string[]>;

const TABLE_PATH = "/first-pages.json";
const FIRST_PAGE_SCRIPT = 'script[src^="/assets/first-page-"]';

let table: Promise<FirstPages> | undefined;

/** Only paths of our own built chunks: the table comes from the build, but HTML is no place to trust it blindly. */
function parseTable(value: unknown): FirstPages {
	if (!value || typeof value !== "object") return {};
	const pages: FirstPages = {};
	for (const [path, files] of Object.entries(value)) {
		if (!Array.isArray(files)) continue;
		pages[path] = files.filter((file): file is string => typeof file === "string" && /^\/assets\/[\w.-]+\.js$/.test(file));
	}
	return pages;
}

/** Read once per isolate through the assets binding. A build without the table (the SPA fallback answers with HTML) gives none. */
function firstPages(assets: Fetcher, origin: string): Promise<FirstPages> {
	table ??= assets
		.fetch(new URL(TABLE_PATH, origin))
		.then(async (response) => ((response.headers.get("Content-Type") ?? "").includes("json") ? parseTable(await response.json()) : {}))
		.catch(() => {
			table = undefined;
			return {};
		});
	return table;
}

/** The page's HTML with its first page's chunks preloaded, or unchanged when the address has none. */
export async function withFirstPageLinks(response: Response, url: URL, assets: Fetcher): Promise<Response> {
	if (response.status !== 200 || !(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return response;
	const files = (await firstPages(assets, url.origin))[url.pathname];
	if (!files?.length) return response;
	const links = files.map((file) => `<link rel="modulepreload" crossorigin href="${file}">`).join("");
	return new HTMLRewriter()
		.on("head", {
			element(head) {
				head.append(links, { html: true });
			},
		})
		.on(FIRST_PAGE_SCRIPT, {
			element(script) {
				script.remove();
			},
		})
		.transform(response);
}
