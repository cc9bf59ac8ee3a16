/** Which documents this device keeps for offline reading, as a signal, and pinning or unpinning one. */
import { signal } from "@preact/signals";
import { pinDocument, pinnedDocumentIds, unpinDocument } from "../sync/pinned-documents";

export const pinnedIds = signal<ReadonlySet<string>>(new Set());
/** The last pin that failed (offline or refused), shown next to the list. */
export const pinProblem = signal<string | null>(null);

export async function loadPinned(): Promise<void> {
	if (typeof caches === "undefined") return;
	pinnedIds.value = await pinnedDocumentIds();
}

export async function togglePin(documentId: string, name: string): Promise<void> {
	if (pinnedIds.value.has(documentId)) {
		await unpinDocument(documentId);
	} else if (!(await pinDocument(documentId))) {
		pinProblem.value = `“${name}” could not be kept offline: connect to the internet and try again.`;
		return;
	}
	pinProblem.value = null;
	await loadPinned();
}
