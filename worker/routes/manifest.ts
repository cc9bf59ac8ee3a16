/** The web app manifest, per host: each agency's app installs under its own name, colour and icons. */
import { Hono } from "hono";
import { DEFAULT_PRIMARY_COLOR } from "../../schema/brand-palette";
import type { AppEnv } from "../env";
import { problems } from "../lib/problem";
import { hostOfRequest } from "../middleware/tenant";

export const DEFAULT_THEME_COLOR = DEFAULT_PRIMARY_COLOR;

export const manifestRouter = new Hono<AppEnv>();

manifestRouter.get("/manifest.webmanifest", async (c) => {
	const host = await hostOfRequest(c);
	if (!host) throw problems.notFound("No agency is served at this address.");
	const name = host.kind === "tenant" ? host.tenant.name : "Atrium";
	const brand = host.kind === "tenant" ? host.brand : null;
	const manifest = {
		id: "/",
		name,
		short_name: name.length > 12 ? name.slice(0, 12).trim() : name,
		description: host.kind === "tenant" ? `${name} client portal` : "Client portals for agencies",
		start_url: "/",
		scope: "/",
		display: "standalone",
		background_color: "#ffffff",
		theme_color: brand?.primaryColor ?? DEFAULT_THEME_COLOR,
		icons: [
			{ src: brand?.icon192Url ?? "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
			{ src: brand?.icon512Url ?? "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
			{ src: brand?.iconMaskableUrl ?? "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
		],
	};
	return c.body(JSON.stringify(manifest), 200, {
		"Content-Type": "application/manifest+json",
		"Cache-Control": "no-cache",
	});
});
