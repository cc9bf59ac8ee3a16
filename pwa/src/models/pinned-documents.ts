/**
 * Which documents this device keeps for offline reading, as a signal; pinning or unpinning one; and
 * keeping pinned copies current: when synced metadata shows a newer version of a pinned document,
 * its copy is replaced in the background and the documents page says so.
 */
import { signal } from "@preact/signals";
import { pinDocument, pinnedDocumentIds, pinnedVersions, unpinDocument } from "../sync/pinned-documents";

export const pinnedIds = signal<ReadonlySet<string>>(new Set());
/** The last pin that failed (offline or refused), shown next to the list. */
export const pinProblem = signal<string | null>(null);
/** What the last background refresh of pinned copies did, shown on the documents page. */
export const pinnedRefreshed = signal<string | null>(null);

export async function loadPinned(): Promise<void> {
	if (typeof caches === "undefined") return;
	pinnedIds.value = await pinnedDocumentIds();
}

export async function togglePin(documentId: string, name: string, versionId: string): Promise<void> {
	if (pinnedIds.value.has(documentId)) {
		await unpinDocument(documentId);
	} else if (!(await pinDocument(documentId, versionId))) {
		pinProblem.value = `“${name}” could not be kept offline: connect to the internet and try again.`;
		return;
	}
	pinProblem.value = null;
	await loadPinned();
}

/** A synced document's metadata, as the refresh needs it. */
export type SyncedDocument = { id: string; name: string; currentVersionId: string; versionCount: number };

let running: Promise<void> | null = null;
let again: SyncedDocument[] | null = null;

/** Replaces each pinned copy whose synced document has a newer current version (one run at a time; the last request runs after). */
export function refreshPinnedCopies(documents: readonly SyncedDocument[]): Promise<void> {
	if (typeof caches === "undefined") return Promise.resolve();
	if (running) {
		again = [...documents];
		return running;
	}
	running = refreshOnce(documents).finally(() => {
		running = null;
		const next = again;
		again = null;
		if (next) void refreshPinnedCopies(next);
	});
	return running;
}

async function refreshOnce(documents: readonly SyncedDocument[]): Promise<void> {
	const kept = await pinnedVersions();
	const updated: string[] = [];
	for (const doc of documents) {
		if (!kept.has(doc.id) || kept.get(doc.id) === doc.currentVersionId) continue;
		if (await pinDocument(doc.id, doc.currentVersionId)) updated.push(`“${doc.name}” (version ${doc.versionCount})`);
	}
	if (updated.length > 0) pinnedRefreshed.value = `Kept offline, updated to the newest version: ${updated.join(", ")}.`;
}
