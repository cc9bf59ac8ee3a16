/// <reference lib="webworker" />
/**
 * The service worker. Precaches the app shell (HTML, JS, CSS, icons; not vendor/), answers every
 * navigation with the precached index.html so any page reloads offline, and keeps the last good
 * answer of the two identity reads (`GET /api/v1/host`, `GET /api/v1/me`) so a signed-in user
 * starting offline still gets their app. Documents pinned for offline reading answer their content
 * URL when the network fails (sync/pinned-documents.ts). Nothing else of the API is cached, and nothing that writes.
 * Push messages become notifications (push-handlers.ts); Background Sync sends the offline outbox (sync/background-sync.ts). A new version waits until the page asks
 * it to take over (SKIP_WAITING).
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import { API_CACHE } from "./api/cache-names";
import { registerPushHandlers } from "./push-handlers";
import { registerBackgroundSync } from "./sync/background-sync";
import { isDocumentContent, pinnedCopy } from "./sync/pinned-documents";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

const IDENTITY_READS = new Set(["/api/v1/host", "/api/v1/me"]);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Pages the Worker renders itself (the API reference, the dev mailbox) stay network-only.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//, /^\/dev\//] }));

// Network first, so a change of user or role shows at once; the cache only answers when the network fails or stalls.
registerRoute(
	({ url, request, sameOrigin }) => sameOrigin && request.method === "GET" && IDENTITY_READS.has(url.pathname),
	new NetworkFirst({ cacheName: API_CACHE, networkTimeoutSeconds: 3 }),
);

// A document's bytes come from the network; a pinned copy answers when the network fails.
registerRoute(
	({ url, request, sameOrigin }) => sameOrigin && request.method === "GET" && isDocumentContent(url),
	async ({ url, request }) => {
		try {
			return await fetch(request);
		} catch (error) {
			const pinned = await pinnedCopy(url);
			if (pinned) return pinned;
			throw error;
		}
	},
);

self.addEventListener("message", (event: ExtendableMessageEvent) => {
	const data: unknown = event.data;
	if (typeof data === "object" && data !== null && (data as { type?: unknown }).type === "SKIP_WAITING") void self.skipWaiting();
});

registerPushHandlers(self);
registerBackgroundSync(self);

clientsClaim();
