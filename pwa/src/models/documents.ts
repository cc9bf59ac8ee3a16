/**
 * A client's documents in the PWA: the current folder's listing (store first: the synced folders and
 * documents, so the page works offline, with the network's newer answer laid over them), the open document's versions and
 * share links, and uploads with progress and cancel (the queue of several files is models/upload-queue.ts). Files up to MULTIPART_FROM go in one request (XMLHttpRequest
 * upload progress); larger ones go through multipart uploads, part by part. An unfinished multipart
 * upload is remembered in localStorage (its id, the client, and the file's name, size and time): after
 * a reload the user picks the same file again and only the parts the server lacks are sent.
 */
import { computed, signal } from "@preact/signals";
import type { z } from "zod";
import { DOCUMENT_CONTENT_TYPES, type UploadDto } from "../../../schema/dto/documents";
import type { ClientT } from "../../../schema/dto/portal";
import { api } from "../api/client";
import { fetchJson, fetchRouteJson, type RouteBody } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { type Result, send } from "../api/request";
import { online } from "./connectivity";
import type { DocumentDetailT, ListingT, ShareT } from "./document-types";
import { clientsFromStore, listingFromStore } from "./documents-from-store";
import { storeFirst } from "./store-first";
import { storeReady } from "./sync";

type UploadT = z.infer<typeof UploadDto>;

/** Bigger files go through multipart uploads. */
export const MULTIPART_FROM = 8 * 1024 * 1024;

export const listingProblem = signal<ProblemView | null>(null);
/** The folder path from the top: [{id, name}…]. */
export const folderPath = signal<{ id: string; name: string }[]>([]);

/** Store first (models/store-first.ts): the synced folders and documents, the network's newer listing laid over them. */
const listingView = storeFirst<ListingT>((answer) => [
	...answer.folders.map((record) => ({ entity: "document_folders" as const, record })),
	...answer.documents.map((record) => ({ entity: "documents" as const, record })),
]);
/** The client and folder shown (`clientId:folderId`), and the last one the network answered for. */
const shownFolder = signal<string | null>(null);
const answeredFolder = signal<string | null>(null);

/** The current folder as shown: from the device when it holds any of it, is offline, or the network has answered; null while loading. */
export const listing = computed<ListingT | null>(() => {
	const key = shownFolder.value;
	if (!key) return null;
	const [clientId = "", folderId = ""] = key.split(":");
	const local = listingFromStore(listingView.records.value, clientId, folderId || null);
	const known = local.folders.length + local.documents.length > 0 || answeredFolder.value === key;
	return known || (storeReady.value && !online.value) ? local : null;
});
export const openDocument = signal<DocumentDetailT | null>(null);
export const shares = signal<ShareT[]>([]);

/** Store first: the clients whose documents the person may see (the synced clients, the network's newer list laid over them). */
const clientsView = storeFirst<ClientT[]>((list) => list.map((record) => ({ entity: "clients" as const, record })));
const clientsAnswered = signal(false);
/** The clients to pick from (null while loading). */
export const documentClients = computed<ClientT[] | null>(() => {
	const local = clientsFromStore(clientsView.records.value);
	return local.length > 0 || clientsAnswered.value || (storeReady.value && !online.value) ? local : null;
});

export async function loadDocumentClients(): Promise<void> {
	await clientsView.load(async () => {
		const result = await fetchJson(() => api.api.v1.clients.$get({ query: { limit: "100" } }));
		return result.ok ? { ok: true as const, value: result.value.clients } : result;
	});
	clientsAnswered.value = true;
}

export function currentFolderId(): string | undefined {
	return folderPath.value.at(-1)?.id;
}

export async function loadListing(clientId: string): Promise<void> {
	const folderId = currentFolderId();
	const key = `${clientId}:${folderId ?? ""}`;
	shownFolder.value = key;
	const result = await listingView.load(() =>
		fetchJson(() => api.api.v1.clients[":clientId"].documents.$get({ param: { clientId }, query: folderId ? { folderId } : {} })),
	);
	if (!result.ok) {
		// Offline with the folder on the device: what is shown is the device's copy.
		listingProblem.value = result.problem.status === 0 && storeReady.value ? null : result.problem;
		return;
	}
	listingProblem.value = null;
	answeredFolder.value = key;
}

export function enterFolder(clientId: string, folder: { id: string; name: string } | null): Promise<void> {
	if (!folder) folderPath.value = [];
	else {
		const at = folderPath.value.findIndex((f) => f.id === folder.id);
		folderPath.value = at >= 0 ? folderPath.value.slice(0, at + 1) : [...folderPath.value, folder];
	}
	openDocument.value = null;
	return loadListing(clientId);
}

export async function createFolder(clientId: string, name: string): Promise<Result<unknown>> {
	const parentId = currentFolderId();
	const result = await fetchJson(() =>
		api.api.v1.clients[":clientId"]["document-folders"].$post({ param: { clientId }, json: parentId ? { name, parentId } : { name } }),
	);
	if (result.ok) await loadListing(clientId);
	return result;
}

export async function openDetails(id: string): Promise<void> {
	const [doc, links] = await Promise.all([
		fetchJson(() => api.api.v1.documents[":id"].$get({ param: { id } })),
		fetchJson(() => api.api.v1.documents[":id"].shares.$get({ param: { id } })),
	]);
	openDocument.value = doc.ok ? doc.value : null;
	shares.value = links.ok ? links.value.shares : [];
}

export async function restore(clientId: string, documentId: string, versionId: string): Promise<Result<DocumentDetailT>> {
	const result = await fetchJson(() =>
		api.api.v1.documents[":id"].versions[":versionId"].restore.$post({ param: { id: documentId, versionId } }),
	);
	if (result.ok) {
		openDocument.value = result.value;
		await loadListing(clientId);
	}
	return result;
}

export async function createShare(documentId: string, expiresInHours: number, password: string) {
	const result = await fetchJson(() =>
		api.api.v1.documents[":id"].shares.$post({
			param: { id: documentId },
			json: password ? { expiresInHours, password } : { expiresInHours },
		}),
	);
	if (result.ok) await openDetails(documentId);
	return result;
}

export async function revokeShare(documentId: string, shareId: string) {
	const result = await fetchJson(() => api.api.v1["document-shares"][":id"].$delete({ param: { id: shareId } }));
	if (result.ok) await openDetails(documentId);
	return result;
}

export function contentUrl(documentId: string, options: { versionId?: string; inline?: boolean } = {}): string {
	const query = new URLSearchParams();
	if (options.versionId) query.set("versionId", options.versionId);
	if (options.inline) query.set("disposition", "inline");
	const qs = query.toString();
	return `/api/v1/documents/${documentId}/content${qs ? `?${qs}` : ""}`;
}

/** The type sent for a file: its own when uploads allow it, else generic bytes. */
function contentTypeOf(file: File): (typeof DOCUMENT_CONTENT_TYPES)[number] {
	const known = DOCUMENT_CONTENT_TYPES.find((type) => type === file.type);
	return known ?? "application/octet-stream";
}

/** A document as one upload (or a completed multipart upload) saves it. */
type SavedDocumentPost = (typeof api.api.v1.clients)[":clientId"]["documents"]["$post"];
type SavedDocument = RouteBody<SavedDocumentPost>;

/**
 * Sends `body` with XMLHttpRequest (fetch cannot report upload progress), reporting progress in
 * bytes; answers like `fetch` (a Response, or a rejection when the network fails), so the typed
 * readers (`send`, `fetchRouteJson`) read it as the route declares.
 */
function sendWithProgress(
	method: string,
	url: string,
	body: Blob,
	contentType: string,
	onProgress: (loaded: number) => void,
	signal?: AbortSignal,
): Promise<Response> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new DOMException("cancelled", "AbortError"));
		const xhr = new XMLHttpRequest();
		xhr.open(method, url);
		xhr.setRequestHeader("Content-Type", contentType);
		xhr.upload.onprogress = (event) => onProgress(event.loaded);
		xhr.onerror = () => reject(new TypeError("network error"));
		xhr.onabort = () => reject(new DOMException("cancelled", "AbortError"));
		signal?.addEventListener("abort", () => xhr.abort(), { once: true });
		xhr.onload = () => {
			const headers = { "Content-Type": xhr.getResponseHeader("Content-Type") ?? "" };
			// A Response cannot carry a body with 204.
			resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
		};
		xhr.send(body);
	});
}

type PendingUpload = { uploadId: string; clientId: string; name: string; size: number; lastModified: number; folderId: string | null };
const PENDING_KEY = "atrium.pending-uploads";

export function pendingUploads(clientId: string): PendingUpload[] {
	try {
		const all = JSON.parse(localStorage.getItem(PENDING_KEY) ?? "[]") as PendingUpload[];
		return all.filter((p) => p.clientId === clientId);
	} catch {
		return [];
	}
}

function rememberPending(entry: PendingUpload | null, removeId?: string): void {
	let all: PendingUpload[] = [];
	try {
		all = JSON.parse(localStorage.getItem(PENDING_KEY) ?? "[]") as PendingUpload[];
	} catch {
		all = [];
	}
	all = all.filter((p) => p.uploadId !== (entry?.uploadId ?? removeId));
	if (entry) all.push(entry);
	localStorage.setItem(PENDING_KEY, JSON.stringify(all));
}

/** The remembered unfinished upload of this very file (same name, size and time), if any. */
export function pendingFor(clientId: string, file: File): PendingUpload | undefined {
	return pendingUploads(clientId).find((p) => p.name === file.name && p.size === file.size && p.lastModified === file.lastModified);
}

/** Stops an upload the person cancelled: the server drops its parts (DELETE aborts the R2 multipart upload) and the device forgets it. */
async function abandonMultipart(uploadId: string): Promise<void> {
	rememberPending(null, uploadId);
	await fetchJson(() => api.api.v1["document-uploads"][":id"].$delete({ param: { id: uploadId } }));
}

async function multipartUpload(
	clientId: string,
	file: File,
	folderId: string | undefined,
	report: (loaded: number) => void,
	signal?: AbortSignal,
): Promise<Result<SavedDocument>> {
	const pending = pendingFor(clientId, file);
	let upload: UploadT;
	if (pending) {
		const status = await fetchJson(() => api.api.v1["document-uploads"][":id"].$get({ param: { id: pending.uploadId } }));
		if (!status.ok) {
			rememberPending(null, pending.uploadId);
			return status;
		}
		upload = status.value;
	} else {
		const created = await fetchJson(() =>
			api.api.v1.clients[":clientId"]["document-uploads"].$post({
				param: { clientId },
				json: { name: file.name, size: file.size, contentType: contentTypeOf(file), ...(folderId ? { folderId } : {}) },
			}),
		);
		if (!created.ok) return created;
		upload = created.value;
		rememberPending({
			uploadId: upload.id,
			clientId,
			name: file.name,
			size: file.size,
			lastModified: file.lastModified,
			folderId: folderId ?? null,
		});
	}
	const have = new Set(upload.uploadedParts.map((p) => p.partNumber));
	let done = upload.uploadedParts.reduce((sum, p) => sum + p.size, 0);
	report(done);
	for (let n = 1; n <= upload.partCount; n++) {
		if (have.has(n)) continue;
		const part = file.slice((n - 1) * upload.partSize, Math.min(file.size, n * upload.partSize));
		const sent = await send(() =>
			sendWithProgress(
				"PUT",
				`/api/v1/document-uploads/${upload.id}/parts/${n}`,
				part,
				"application/octet-stream",
				(loaded) => report(done + loaded),
				signal,
			),
		);
		if (signal?.aborted) {
			await abandonMultipart(upload.id);
			return { ok: false, problem: CANCELLED_PROBLEM };
		}
		if (!sent.ok) return sent;
		done += part.size;
	}
	if (signal?.aborted) {
		await abandonMultipart(upload.id);
		return { ok: false, problem: CANCELLED_PROBLEM };
	}
	const completed = await fetchJson(() => api.api.v1["document-uploads"][":id"].complete.$post({ param: { id: upload.id } }));
	if (completed.ok) rememberPending(null, upload.id);
	return completed;
}

/** What a cancelled upload answers (status 0 like offline, but never shown as an error: the person asked for it). */
export const CANCELLED_PROBLEM: ProblemView = {
	status: 0,
	title: "Cancelled",
	detail: "The upload was cancelled.",
	fields: {},
	retryAfterSeconds: null,
};

/**
 * Uploads `file` into `folderId` of the client's documents (one request or multipart by size),
 * reporting progress in bytes; the value is the document as saved (with its `id`). Aborting `signal`
 * stops the bytes in flight; a multipart upload is then aborted on the server too. (A one-request
 * upload stores nothing until its whole body has arrived, so a cut request leaves nothing behind.)
 */
export async function uploadInto(
	clientId: string,
	file: File,
	folderId: string | undefined,
	report: (loaded: number) => void,
	signal?: AbortSignal,
): Promise<Result<SavedDocument>> {
	if (file.size >= MULTIPART_FROM || pendingFor(clientId, file)) return multipartUpload(clientId, file, folderId, report, signal);
	const query = new URLSearchParams({ name: file.name, id: crypto.randomUUID() });
	if (folderId) query.set("folderId", folderId);
	const result = await fetchRouteJson<SavedDocumentPost>(() =>
		sendWithProgress("POST", `/api/v1/clients/${clientId}/documents?${query}`, file, contentTypeOf(file), report, signal),
	);
	return signal?.aborted && !result.ok ? { ok: false, problem: CANCELLED_PROBLEM } : result;
}
