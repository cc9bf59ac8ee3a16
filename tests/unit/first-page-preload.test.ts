/** The first page's preload: for each address, its page chunk and what it imports beyond the app shell. */
import { describe, expect, it } from "vitest";
import { firstPageFiles, firstPageScript } from "../../pwa/first-page-preload";

const chunk = (fileName: string, imports: string[], facadeModuleId: string | null = null, isEntry = false) => ({
	type: "chunk" as const,
	fileName,
	imports,
	code: "",
	isEntry,
	facadeModuleId,
});

const bundle = {
	"assets/index.js": chunk("assets/index.js", ["assets/vendor.js"], "/app/pwa/src/main.tsx", true),
	"assets/vendor.js": chunk("assets/vendor.js", []),
	"assets/dashboard.js": chunk("assets/dashboard.js", ["assets/vendor.js", "assets/labels.js"], "/app/pwa/src/routes/dashboard.tsx"),
	"assets/labels.js": chunk("assets/labels.js", ["assets/index.js"]),
	"assets/other.js": chunk("assets/other.js", [], "/app/pwa/src/routes/other.tsx"),
	"index.html": { type: "asset" as const, fileName: "index.html", source: "<html></html>" },
};

describe("first page preload", () => {
	it("lists the page's chunk and its imports the shell does not load, for each address", () => {
		expect(firstPageFiles(bundle, { "/": "/src/routes/dashboard.tsx", "/gone": "/src/routes/missing.tsx" })).toEqual({
			"/": ["/assets/dashboard.js", "/assets/labels.js"],
		});
	});

	it("preloads them only on that address", () => {
		const script = firstPageScript({ "/": ["/assets/dashboard.js"] });
		const added: { rel: string; href: string }[] = [];
		const run = (pathname: string) =>
			new Function("location", "document", script)(
				{ pathname },
				{ createElement: () => ({}), head: { appendChild: (link: { rel: string; href: string }) => added.push(link) } },
			);
		run("/signin");
		expect(added).toEqual([]);
		run("/");
		expect(added).toEqual([{ rel: "modulepreload", crossOrigin: "", href: "/assets/dashboard.js" }]);
	});
});
