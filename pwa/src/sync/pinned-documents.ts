/**
 * Documents pinned for offline reading: the current version's bytes kept in Cache Storage under
 * the document's content URL (`/api/v1/documents/<id>/content`). The page pins and unpins; the
 * service worker answers that URL from the pinned copy when the network fails (so the document
 * opens offline), never for another version. Unpinning deletes the bytes; signing out deletes all.
 */
import { PINNED_DOCUMENTS_CACHE } from "../api/cache-names";

const CONTENT_PATH = /^\/api\/v1\/documents\/([^/]+)\/content$/;

export function pinnedContentUrl(documentId: string): string {
	return `/api/v1/documents/${documentId}/content`;
}

/** Fetches the document's current bytes and keeps them; false when they could not be fetched. */
export async function pinDocument(documentId: string): Promise<boolean> {
	const url = pinnedContentUrl(documentId);
	const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
	if (!response?.ok) return false;
	await (await caches.open(PINNED_DOCUMENTS_CACHE)).put(url, response);
	return true;
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
