/**
 * Documents pinned for offline reading: the current version's bytes kept in Cache Storage under
 * the document's content URL (`/api/v1/documents/<id>/content`). The page pins and unpins; the
 * service worker answers that URL from the pinned copy when the network fails (so the document
 * opens offline), never for another version. Each copy remembers its version (a header on the kept
 * response), so a newer version arriving through sync can replace it in the background.
 * Unpinning deletes the bytes; signing out deletes all.
 */
import { PINNED_DOCUMENTS_CACHE } from "../api/cache-names";

const CONTENT_PATH = /^\/api\/v1\/documents\/([^/]+)\/content$/;

export function pinnedContentUrl(documentId: string): string {
	return `/api/v1/documents/${documentId}/content`;
}

/** The header on a kept copy naming the version it holds. */
const VERSION_HEADER = "X-Atrium-Pinned-Version";

/** Fetches the document's bytes (of `versionId`, its current version) and keeps them; false when they could not be fetched. */
export async function pinDocument(documentId: string, versionId: string): Promise<boolean> {
	const url = pinnedContentUrl(documentId);
	const response = await fetch(`${url}?versionId=${encodeURIComponent(versionId)}`, { credentials: "same-origin" }).catch(() => null);
	if (!response?.ok) return false;
	const headers = new Headers(response.headers);
	headers.set(VERSION_HEADER, versionId);
	const kept = new Response(await response.blob(), { status: 200, headers });
	await (await caches.open(PINNED_DOCUMENTS_CACHE)).put(url, kept);
	return true;
}

/** Each kept document's version (null for a copy kept before versions were recorded). */
export async function pinnedVersions(): Promise<Map<string, string | null>> {
	const cache = await caches.open(PINNED_DOCUMENTS_CACHE);
	const out = new Map<string, string | null>();
	for (const request of await cache.keys()) {
		const id = CONTENT_PATH.exec(new URL(request.url).pathname)?.[1];
		if (id) out.set(id, (await cache.match(request))?.headers.get(VERSION_HEADER) ?? null);
	}
	return out;
}

export async function unpinDocument(documentId: string): Promise<void> {
	await (await caches.open(PINNED_DOCUMENTS_CACHE)).delete(pinnedContentUrl(documentId));
}

/** The ids of the documents kept on this device. */
export async function pinnedDocumentIds(): Promise<Set<string>> {
	const keys = await (await caches.open(PINNED_DOCUMENTS_CACHE)).keys();
	return new Set(keys.map((request) => CONTENT_PATH.exec(new URL(request.url).pathname)?.[1] ?? "").filter(Boolean));
}

export async function forgetPinnedDocuments(): Promise<void> {
	await caches.delete(PINNED_DOCUMENTS_CACHE);
}

/** For the service worker: the pinned copy of a current-version content request, if kept. */
export async function pinnedCopy(url: URL): Promise<Response | undefined> {
	if (!CONTENT_PATH.test(url.pathname) || url.searchParams.has("versionId")) return undefined;
	const cache = await caches.open(PINNED_DOCUMENTS_CACHE);
	return cache.match(url.pathname);
}

/** Whether a request is a document's content (the service worker's route for pinned copies). */
export function isDocumentContent(url: URL): boolean {
	return CONTENT_PATH.test(url.pathname);
}
