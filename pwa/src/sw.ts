/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell, serves it for every navigation (so any page
 * reloads offline), and keeps the last answer of the identity reads (`/api/v1/host`, `/api/v1/me`)
 * for offline starts. Nothing else of the API is cached, and nothing that writes.
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

const API_CACHE = "atrium-api";
const IDENTITY_READS = new Set(["/api/v1/host", "/api/v1/me"]);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
	new NavigationRoute(createHandlerBoundToURL("/index.html"), {
		denylist: [/^\/api\//, /^\/dev\//, /^\/manifest\.webmanifest$/],
	}),
);

registerRoute(
	({ url, request, sameOrigin }) => sameOrigin && request.method === "GET" && IDENTITY_READS.has(url.pathname),
	new NetworkFirst({ cacheName: API_CACHE, networkTimeoutSeconds: 3 }),
);

self.addEventListener("message", (event: ExtendableMessageEvent) => {
	if ((event.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

clientsClaim();
