/**
 * The first page's chunks download with the app shell instead of after it: the build writes a tiny
 * script (assets/first-page-<hash>.js, loaded async from index.html; the CSP allows no inline
 * script) that, for the address being opened, adds `<link rel="modulepreload">` for that page's
 * chunk and the chunks it imports beyond the shell's. Pages: the start page, the sign-in page.
 * It also writes the same table as first-pages.json: the Worker reads it and puts those links in the
 * HTML it serves for those addresses (worker/http/first-page-links.ts), which saves the script's
 * round trip; the script stays for the copy of index.html the service worker serves.
 */
import { createHash } from "node:crypto";
import type { Plugin } from "vite";
import { initialChunks } from "./initial-js-budget";

/** The table of first-page files, at the root of dist/pwa, for the Worker. */
export const FIRST_PAGES_FILE = "first-pages.json";

type ChunkLike = { type: "chunk"; isEntry: boolean; imports: string[]; code: string; fileName: string; facadeModuleId?: string | null };
type OutputLike = ChunkLike | { type: "asset"; fileName: string; source: string | Uint8Array };

/** For each address, the files its page needs that the shell (the entry and its static imports) does not load. */
export function firstPageFiles(bundle: Record<string, OutputLike>, pages: Record<string, string>): Record<string, string[]> {
	const entry = Object.values(bundle).find((o): o is ChunkLike => o.type === "chunk" && o.isEntry && !o.fileName.includes("sw"));
	if (!entry) return {};
	const shell = new Set(initialChunks(bundle, entry.fileName).map((c) => c.fileName));
	const files: Record<string, string[]> = {};
	for (const [path, module] of Object.entries(pages)) {
		const page = Object.values(bundle).find((o): o is ChunkLike => o.type === "chunk" && !!o.facadeModuleId?.endsWith(module));
		if (!page) continue;
		const needed = initialChunks(bundle, page.fileName).filter((c) => !shell.has(c.fileName));
		files[path] = needed.map((c) => `/${c.fileName}`);
	}
	return files;
}

/** The script: adds the preload links for `location.pathname`, if it is one of the pages. */
export function firstPageScript(files: Record<string, string[]>): string {
	return `(function(){var f=${JSON.stringify(files)}[location.pathname]||[];for(var i=0;i<f.length;i++){var l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=f[i];document.head.appendChild(l)}})();\n`;
}

export function firstPagePreload(pages: Record<string, string>): Plugin {
	return {
		name: "atrium-first-page-preload",
		apply: "build",
		enforce: "post",
		generateBundle(_options, bundle) {
			const outputs = bundle as unknown as Record<string, OutputLike>;
			const html = outputs["index.html"];
			if (html?.type !== "asset") return;
			const files = firstPageFiles(outputs, pages);
			this.emitFile({ type: "asset", fileName: FIRST_PAGES_FILE, source: JSON.stringify(files) });
			const code = firstPageScript(files);
			const fileName = `assets/first-page-${createHash("sha256").update(code).digest("hex").slice(0, 8)}.js`;
			this.emitFile({ type: "asset", fileName, source: code });
			const tag = `<script src="/${fileName}" async fetchpriority="high"></script>\n\t\t`;
			html.source = String(html.source).replace(/<script type="module"/, `${tag}$&`);
		},
	};
}
