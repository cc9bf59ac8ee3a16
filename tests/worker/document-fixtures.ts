/** Test helpers for documents: byte bodies sent through the real Worker, and uploads made through the API. */
import { exports } from "cloudflare:workers";
import { json, type PortalAgency } from "./portal-fixtures";

export type DocumentJson = {
	id: string;
	clientId: string;
	folderId: string | null;
	name: string;
	size: number;
	contentType: string;
	versionCount: number;
	currentVersionId: string;
	versions: { id: string; number: number; size: number; current: boolean; restoredFrom: string | null }[];
};

export type UploadJson = {
	id: string;
	partSize: number;
	partCount: number;
	status: string;
	uploadedParts: { partNumber: number; size: number }[];
	documentId: string | null;
};

/** A request with raw bytes as its body (a file upload or part), from the same origin. */
export function sendBytes(
	host: string,
	path: string,
	bytes: Uint8Array,
	options: { cookie?: string; contentType?: string; method?: string } = {},
): Promise<Response> {
	const headers = new Headers({ Origin: `http://${host}`, "Content-Type": options.contentType ?? "application/octet-stream" });
	if (options.cookie) headers.set("Cookie", options.cookie);
	return exports.default.fetch(new Request(`http://${host}${path}`, { method: options.method ?? "POST", headers, body: bytes }));
}

/** `n` bytes of a repeating pattern starting at `seed`, so different files differ. */
export function bytesOf(n: number, seed = 0): Uint8Array {
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i++) out[i] = (i + seed) % 251;
	return out;
}

export function text(s: string): Uint8Array {
	return new TextEncoder().encode(s);
}

/** Uploads a small file into client X's documents (as staff unless another cookie is given). */
export function uploadSmall(
	a: PortalAgency,
	name: string,
	bytes: Uint8Array,
	options: { cookie?: string; clientId?: string; contentType?: string; query?: string } = {},
): Promise<Response> {
	const query = new URLSearchParams({ name });
	const extra = options.query ? `&${options.query}` : "";
	return sendBytes(a.host, `/api/v1/clients/${options.clientId ?? a.clientX.id}/documents?${query}${extra}`, bytes, {
		cookie: options.cookie ?? a.staffCookie,
		contentType: options.contentType ?? "text/plain",
	});
}

export async function uploaded(response: Promise<Response>): Promise<DocumentJson> {
	return json<DocumentJson>(response, 201);
}
