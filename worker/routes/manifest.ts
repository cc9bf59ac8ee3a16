/** The web app manifest, per host: each agency's app installs under its own name. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { problems } from "../lib/problem";
import { hostOfRequest } from "../middleware/tenant";

export const DEFAULT_THEME_COLOR = "#1f4ed8";

export const manifestRouter = new Hono<AppEnv>();

manifestRouter.get("/manifest.webmanifest", async (c) => {
	const host = await hostOfRequest(c);
	if (!host) throw problems.notFound("No agency is served at this address.");
	const name = host.kind === "tenant" ? host.tenant.name : "Atrium";
	const manifest = {
		id: "/",
		name,
		short_name: name.length > 12 ? name.slice(0, 12).trim() : name,
		description: host.kind === "tenant" ? `${name} client portal` : "Client portals for agencies",
		start_url: "/",
		scope: "/",
		display: "standalone",
		background_color: "#ffffff",
		theme_color: DEFAULT_THEME_COLOR,
		icons: [
			{ src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
			{ src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
			{ src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
		],
	};
	return c.body(JSON.stringify(manifest), 200, {
		"Content-Type": "application/manifest+json",
		"Cache-Control": "no-cache",
	});
});
