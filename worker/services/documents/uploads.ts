/**
 * Uploads into a client's documents. Small files arrive in one request; large ones through R2
 * multipart: create (storage checked for the declared size) → parts (each recorded, so a client that
 * lost its connection asks which parts the server holds and sends only the rest; a re-sent part
 * replaces itself) → complete (storage checked again; a retried complete returns the first result)
 * or abort. Every part but the last is exactly UPLOAD_PART_BYTES, so the total is the declared size.
 * The upload's id (the version id to be) is claimed before anything is written to R2 (claims.ts): an
 * id held by another upload or version, of this agency or another, is 409 and changes nothing.
 */
import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import {
	type CreateUploadBody,
	DOCUMENT_CONTENT_TYPES,
	MAX_SINGLE_UPLOAD_BYTES,
	type SimpleUploadQuery,
	UPLOAD_PART_BYTES,
	type UploadDto,
} from "../../../schema/dto/documents";
import { type DocumentUploadRow, documentUploadParts, documentUploads } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import { assertPlacement, getVisibleClient, getVisibleUpload } from "./access";
import { claimVersionId, releaseClaim, settleClaim, versionIdHeld } from "./claims";
import { assertStorageFor, documentObjectKey } from "./storage";
import { addVersion } from "./versions";

export type UploadDeps = { scope: TenantScope; files: R2Bucket; access: ClientAccess };

function partCountOf(upload: Pick<DocumentUploadRow, "size" | "partSize">): number {
	return Math.max(1, Math.ceil(upload.size / upload.partSize));
}

/** The content type of a one-request upload (its Content-Type header, parameters dropped), or 422. */
export function uploadContentType(header: string | undefined): string {
	const type = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
	if (!(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(type)) {
		throw problems.validation([{ path: "contentType", message: "is not a type you can upload (see docs/DOCUMENTS.md)" }]);
	}
	return type;
}

async function uploadDto(scope: TenantScope, upload: DocumentUploadRow): Promise<z.infer<typeof UploadDto>> {
	const parts = await scope.db
		.select({ partNumber: documentUploadParts.partNumber, size: documentUploadParts.size })
		.from(documentUploadParts)
		.where(scope.where(documentUploadParts, eq(documentUploadParts.uploadId, upload.id)))
		.orderBy(asc(documentUploadParts.partNumber));
	return {
		id: upload.id,
		clientId: upload.clientId,
		name: upload.name,
		size: upload.size,
		contentType: upload.contentType,
		partSize: upload.partSize,
		partCount: partCountOf(upload),
		status: upload.status,
		uploadedParts: parts,
		documentId: upload.documentId,
	};
}

export async function describeUpload(deps: UploadDeps, id: string) {
	return uploadDto(deps.scope, await getVisibleUpload(deps.scope, deps.access, id));
}

/**
 * An upload id already used in this agency: the same upload again (same client, name and size) is
 * its replay, anything else the one taken-id answer (the same as for an id another agency holds).
 */
async function existingUpload(
	deps: UploadDeps,
	id: string | undefined,
	upload: { clientId: string; name: string; size: number },
): Promise<DocumentUploadRow | null> {
	if (!id) return null;
	const [row] = await deps.scope.db
		.select()
		.from(documentUploads)
		.where(deps.scope.where(documentUploads, eq(documentUploads.id, id)))
		.limit(1);
	if (!row) return null;
	if (row.clientId !== upload.clientId || row.name !== upload.name || row.size !== upload.size) throw problems.idTaken();
	return row;
}

/** Starts a multipart upload of `input.size` bytes. */
export async function createUpload(
	deps: UploadDeps,
	clientId: string,
	userId: string,
	input: z.infer<typeof CreateUploadBody>,
	now = Date.now(),
) {
	const { scope, access } = deps;
	await getVisibleClient(scope, access, clientId);
	const replay = await existingUpload(deps, input.id, { clientId, name: input.name, size: input.size });
	if (replay) return uploadDto(scope, replay);
	await assertPlacement(scope, access, clientId, input);
	await assertStorageFor(scope, input.size);
	const id = input.id ?? newId(now);
	const objectKey = documentObjectKey(scope.tenantId, id);
	const claim = await claimVersionId(scope, {
		id,
		clientId,
		projectId: input.projectId ?? null,
		folderId: input.folderId ?? null,
		name: input.name,
		contentType: input.contentType,
		size: input.size,
		partSize: UPLOAD_PART_BYTES,
		objectKey,
		multipartUploadId: null,
		createdBy: userId,
		createdAt: now,
		updatedAt: now,
	});
	if (!claim) {
		// A create that raced this one with the same id and content is its replay.
		const raced = await existingUpload(deps, input.id, { clientId, name: input.name, size: input.size });
		if (raced) return uploadDto(scope, raced);
		throw problems.idTaken();
	}
	let multipartUploadId: string;
	try {
		multipartUploadId = (await deps.files.createMultipartUpload(objectKey, { httpMetadata: { contentType: input.contentType } })).uploadId;
	} catch (error) {
		await releaseClaim(scope, id);
		throw error;
	}
	await scope.update(documentUploads, { multipartUploadId }, eq(documentUploads.id, id));
	return uploadDto(scope, { ...claim, multipartUploadId });
}

function assertPending(upload: DocumentUploadRow): void {
	if (upload.status !== "pending") throw problems.conflict("id", `is an upload that is already ${upload.status}`);
}

/** Stores part `partNumber` (replacing an earlier copy of it). */
export async function uploadPart(deps: UploadDeps, id: string, partNumber: number, body: ArrayBuffer, now = Date.now()) {
	const { scope } = deps;
	const upload = await getVisibleUpload(scope, deps.access, id);
	assertPending(upload);
	const partCount = partCountOf(upload);
	if (partNumber > partCount) throw problems.validation([{ path: "partNumber", message: `must be at most ${partCount}` }]);
	const expected = partNumber < partCount ? upload.partSize : upload.size - upload.partSize * (partCount - 1);
	if (body.byteLength !== expected)
		throw problems.validation([{ path: "body", message: `part ${partNumber} must be exactly ${expected} bytes` }]);
	if (!upload.multipartUploadId) throw problems.conflict("id", "is a one-request upload");
	const part = await deps.files.resumeMultipartUpload(upload.objectKey, upload.multipartUploadId).uploadPart(partNumber, body);
	await scope.db.batch([
		scope.db
			.insert(documentUploadParts)
			.values({ tenantId: scope.tenantId, uploadId: id, partNumber, etag: part.etag, size: body.byteLength })
			.onConflictDoUpdate({
				target: [documentUploadParts.tenantId, documentUploadParts.uploadId, documentUploadParts.partNumber],
				set: { etag: part.etag, size: body.byteLength },
			}),
		// Activity: an upload still receiving parts is not abandoned (abandoned-uploads.ts).
		scope.update(documentUploads, { updatedAt: now }, eq(documentUploads.id, id)),
	]);
	return { partNumber, size: body.byteLength };
}

/** Joins the parts into the object and records it as a version. A completed upload answers with its result again. */
export async function completeUpload(deps: UploadDeps, id: string, now = Date.now()) {
	const { scope } = deps;
	const upload = await getVisibleUpload(scope, deps.access, id);
	if (upload.status === "completed") return upload.documentId ?? "";
	assertPending(upload);
	const parts = await scope.db
		.select()
		.from(documentUploadParts)
		.where(scope.where(documentUploadParts, eq(documentUploadParts.uploadId, id)))
		.orderBy(asc(documentUploadParts.partNumber));
	const partCount = partCountOf(upload);
	const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !parts.some((p) => p.partNumber === n));
	if (missing.length > 0) {
		throw new Problem(409, "upload-incomplete", "Parts are missing", `Send parts ${missing.join(", ")} before completing.`, {
			errors: [{ path: "parts", message: `missing ${missing.join(", ")}` }],
		});
	}
	await assertStorageFor(scope, upload.size);
	if (!upload.multipartUploadId) throw problems.conflict("id", "is a one-request upload");
	// An upload started before ids were claimed may share its id (and so its object) with a version.
	if (await versionIdHeld(scope, id)) throw problems.idTaken();
	try {
		await deps.files
			.resumeMultipartUpload(upload.objectKey, upload.multipartUploadId)
			.complete(parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
	} catch (error) {
		// A concurrent retry may have completed it first: answer with its result.
		const latest = await getVisibleUpload(scope, deps.access, id);
		if (latest.status === "completed" && latest.documentId) return latest.documentId;
		throw error;
	}
	const documentId = await addVersion(scope, versionOf(upload), (docId) => [settleClaim(scope, id, docId, now)], now);
	await scope.delete(documentUploadParts, eq(documentUploadParts.uploadId, id));
	return documentId;
}

function versionOf(upload: DocumentUploadRow) {
	return {
		versionId: upload.id,
		clientId: upload.clientId,
		projectId: upload.projectId,
		folderId: upload.folderId,
		name: upload.name,
		size: upload.size,
		contentType: upload.contentType,
		objectKey: upload.objectKey,
		uploadedBy: upload.createdBy,
	};
}

/** Abandons a pending upload: R2 drops the parts. Aborting twice is fine; a completed upload cannot be aborted. */
export async function abortUpload(deps: UploadDeps, id: string, now = Date.now()): Promise<void> {
	const { scope } = deps;
	const upload = await getVisibleUpload(scope, deps.access, id);
	if (upload.status === "aborted") return;
	assertPending(upload);
	if (upload.multipartUploadId) await deps.files.resumeMultipartUpload(upload.objectKey, upload.multipartUploadId).abort();
	await scope.db.batch([
		scope.update(documentUploads, { status: "aborted", updatedAt: now }, eq(documentUploads.id, id)),
		scope.delete(documentUploadParts, eq(documentUploadParts.uploadId, id)),
	]);
}

/** A file in one request (at most MAX_SINGLE_UPLOAD_BYTES). A retry with the same `id` returns the first result. */
export async function simpleUpload(
	deps: UploadDeps,
	clientId: string,
	userId: string,
	query: z.infer<typeof SimpleUploadQuery>,
	contentType: string,
	body: ArrayBuffer,
	now = Date.now(),
): Promise<string> {
	const { scope, access } = deps;
	await getVisibleClient(scope, access, clientId);
	const replay = await existingUpload(deps, query.id, { clientId, name: query.name, size: body.byteLength });
	if (replay?.status === "completed" && replay.documentId) return replay.documentId;
	if (replay?.multipartUploadId) throw problems.conflict("id", "is a multipart upload; complete it instead");
	if (replay) throw problems.idTaken();
	if (body.byteLength === 0) throw problems.validation([{ path: "body", message: "must not be empty" }]);
	if (body.byteLength > MAX_SINGLE_UPLOAD_BYTES) {
		throw problems.validation([{ path: "body", message: `must be at most ${MAX_SINGLE_UPLOAD_BYTES} bytes; use a multipart upload` }]);
	}
	await assertPlacement(scope, access, clientId, query);
	await assertStorageFor(scope, body.byteLength);
	const id = query.id ?? newId(now);
	const objectKey = documentObjectKey(scope.tenantId, id);
	const claim = await claimVersionId(scope, {
		id,
		clientId,
		projectId: query.projectId ?? null,
		folderId: query.folderId ?? null,
		name: query.name,
		contentType,
		size: body.byteLength,
		partSize: body.byteLength,
		objectKey,
		multipartUploadId: null,
		createdBy: userId,
		createdAt: now,
		updatedAt: now,
	});
	if (!claim) {
		// A retry that raced its first request answers with the first result once it is recorded.
		const raced = await existingUpload(deps, query.id, { clientId, name: query.name, size: body.byteLength });
		if (raced?.status === "completed" && raced.documentId) return raced.documentId;
		throw problems.idTaken();
	}
	try {
		await deps.files.put(objectKey, body, { httpMetadata: { contentType } });
	} catch (error) {
		await releaseClaim(scope, id);
		throw error;
	}
	return addVersion(scope, versionOf(claim), (documentId) => [settleClaim(scope, id, documentId, now)], now);
}
