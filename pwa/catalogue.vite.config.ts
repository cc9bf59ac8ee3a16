/**
 * The kit's living catalogue (pwa/catalogue.html + pwa/src/catalogue/): a Vite build of its own,
 * apart from the app's (pwa/vite.config.ts), so nothing of it reaches dist/pwa, the service
 * worker's precache or the app shell. `npm run catalogue` serves it with hot reload while you work;
 * `npm run build:catalogue` writes dist/catalogue, which the visual regression test serves
 * (tests/e2e/visual-regression.test.ts). docs/DESIGN-SYSTEM.md "Catalogue".
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";

const root = dirname(fileURLToPath(import.meta.url));

/** The dev server opens the catalogue at / (the app's own index.html needs the Worker around it). */
function catalogueAtRoot(): Plugin {
	return {
		name: "atrium-catalogue-at-root",
		configureServer(server) {
			server.middlewares.use((req, _res, next) => {
				if (req.url === "/" || req.url?.startsWith("/?")) req.url = `/catalogue.html${req.url.slice(1)}`;
				next();
			});
		},
	};
}

export default defineConfig({
	root,
	plugins: [preact(), catalogueAtRoot()],
	// The app's public/ (icons, Swagger UI) is not the catalogue's.
	publicDir: false,
	server: { port: Number(process.env.CATALOGUE_PORT ?? 5180), strictPort: false },
	build: {
		outDir: "../dist/catalogue",
		emptyOutDir: true,
		target: "es2022",
		rolldownOptions: { input: { catalogue: `${root}/catalogue.html` } },
	},
});
