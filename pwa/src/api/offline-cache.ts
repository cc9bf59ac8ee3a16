/**
 * The page's side of the service worker's API cache: warming it with the identity reads, and
 * forgetting them when the user changes or signs out, so nobody else's name shows offline.
 */
import { API_CACHE } from "./cache-names";

const IDENTITY_READS = ["/api/v1/host", "/api/v1/me"];

/** Reads the identity endpoints through the service worker, which keeps the good answers. */
export async function warmApiCache(): Promise<void> {
	if (!navigator.serviceWorker?.controller) return;
	await Promise.all(IDENTITY_READS.map((path) => fetch(path, { credentials: "same-origin" }).catch(() => null)));
}

/** Drops the saved `/api/v1/me`: the server no longer knows this session. */
export async function forgetCachedMe(): Promise<void> {
	if (!("caches" in window)) return;
	const cache = await caches.open(API_CACHE);
	await cache.delete("/api/v1/me");
}

/** Drops everything the service worker saved from the API (sign-out). */
export async function clearApiCache(): Promise<void> {
	if ("caches" in window) await caches.delete(API_CACHE);
}
