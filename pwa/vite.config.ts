/**
 * Builds the PWA into dist/pwa: Preact, the Workbox service worker (injectManifest, TypeScript),
 * and the Swagger UI files that /api/docs loads from our own origin.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const require = createRequire(import.meta.url);

/** Copies Swagger UI's bundle and stylesheet next to our init script, so the API reference needs no CDN. */
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
	root: __dirname,
	plugins: [
		preact(),
		swaggerUiAssets(),
		VitePWA({
			strategies: "injectManifest",
			srcDir: "src",
			filename: "sw.ts",
			injectRegister: false,
			manifest: false,
			injectManifest: {
				globPatterns: ["**/*.{js,css,html,svg,png,txt}"],
				globIgnores: ["vendor/**"],
			},
		}),
	],
	build: {
		outDir: "../dist/pwa",
		emptyOutDir: true,
		target: "es2022",
	},
});
