/**
 * Builds the PWA into dist/pwa: Preact, the Workbox service worker (TypeScript, injectManifest,
 * served at /sw.js), and the Swagger UI files that /api/docs loads from our own origin. A first load
 * fetches its page's chunks with the app shell (first-page-preload.ts).
 * The web app manifest is not built here: the Worker serves one per agency. The build fails when
 * the initial JavaScript goes over its 60 KB gzipped budget (initial-js-budget.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { firstPagePreload } from "./first-page-preload";
import { initialJsBudget } from "./initial-js-budget";

const require = createRequire(import.meta.url);

/** The node_modules packages the app shell needs on every page. */
const SHELL_LIBRARIES = /node_modules\/(preact|preact-iso|@preact\/signals|@preact\/signals-core|hono|workbox-window)\//;
const root = dirname(fileURLToPath(import.meta.url));

/** Copies Swagger UI's bundle and stylesheet into vendor/swagger-ui/, beside our init script (public/), so the API reference needs no CDN. */
function swaggerUiAssets(): Plugin {
	const dir = dirname(require.resolve("swagger-ui-dist/package.json"));
	return {
		name: "atrium-swagger-ui-assets",
		apply: "build",
		generateBundle() {
			for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
				this.emitFile({ type: "asset", fileName: `vendor/swagger-ui/${file}`, source: readFileSync(join(dir, file)) });
			}
		},
	};
}

export default defineConfig({
	root,
	plugins: [
		preact(),
		swaggerUiAssets(),
		initialJsBudget(),
		// Keep in step with LIKELY_FIRST_PAGES in src/app.tsx.
		firstPagePreload({ "/": "/src/routes/dashboard.tsx", "/signin": "/src/routes/sign-in.tsx" }),
		VitePWA({
			strategies: "injectManifest",
			srcDir: "src",
			filename: "sw.ts",
			injectRegister: false,
			manifest: false,
			injectManifest: {
				// The app shell. vendor/ (Swagger UI, ~2 MB) belongs to the API reference, not the app.
				globPatterns: ["**/*.{js,css,html,svg,png}"],
				globIgnores: ["vendor/**"],
			},
		}),
	],
	build: {
		outDir: "../dist/pwa",
		emptyOutDir: true,
		target: "es2022",
		rolldownOptions: {
			// The libraries the app shell itself runs (Preact, signals, the router, the API client, workbox-window) in one
			// cacheable chunk, named for what it is. Every other library (zod, idb, the WebAuthn helpers, …) stays with
			// the lazily loaded chunks that use it, so the first page never downloads it (docs/PERFORMANCE.md).
			output: { codeSplitting: { groups: [{ name: "vendor", test: SHELL_LIBRARIES }] } },
		},
	},
});
