/**
 * Documents and their versions. A finished upload becomes a version: of the live document with the
 * same name in the same folder of the same client (numbered after its newest), or of a new document.
 * Restoring copies an old version's bytes into a new current version; every kept version is stored.
 * Every version id is claimed (claims.ts) before its bytes are written to R2.
 */
import { and, asc, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DocumentDto, DocumentListQuery, VersionDto } from "../../../schema/dto/documents";
import { type DocumentRow, documentFolders, documents, documentVersions, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import { getVisibleClient, getVisibleDocument, getVisibleFolder } from "./access";
import { claimVersionId, releaseClaim, settleClaim } from "./claims";
import { assertStorageFor, documentObjectKey } from "./storage";

type DocumentOut = z.infer<typeof DocumentDto>;

function sameFolder(folderId: string | null): SQL {
	return folderId ? eq(documents.folderId, folderId) : isNull(documents.folderId);
}

/** Documents with their current version's size and type. */
async function documentsWhere(scope: TenantScope, ...conditions: (SQL | undefined)[]): Promise<DocumentOut[]> {
	const rows = await scope.db
		.select({ document: documents, size: documentVersions.size, contentType: documentVersions.contentType })
		.from(documents)
		.innerJoin(
			documentVersions,
			and(eq(documentVersions.id, documents.currentVersionId), eq(documentVersions.tenantId, documents.tenantId)),
		)
		.where(scope.where(documents, isNull(documents.deletedAt), ...conditions))
		.orderBy(asc(documents.name), asc(documents.id))
		.limit(1000);
	return rows.map((r) => toDocumentDto(r.document, r.size, r.contentType));
}

export function toDocumentDto(row: DocumentRow, size: number, contentType: string): DocumentOut {
	const { tenantId: _tenant, ...rest } = row;
	return { ...rest, size, contentType };
}

export async function documentDto(scope: TenantScope, id: string): Promise<DocumentOut> {
	const [row] = await documentsWhere(scope, eq(documents.id, id));
	if (!row) throw problems.notFound("There is no document with this id.");
	return row;
}

/** The folders and documents of one folder of a client (the top level without `folderId`), or every document with `all`. */
export async function listClientDocuments(
	scope: TenantScope,
	access: ClientAccess,
	clientId: string,
	query: z.infer<typeof DocumentListQuery>,
) {
	await getVisibleClient(scope, access, clientId);
	if (query.folderId) {
		const folder = await getVisibleFolder(scope, access, query.folderId);
		if (folder.clientId !== clientId) throw problems.notFound("There is no folder with this id.");
	}
	const folderId = query.folderId ?? null;
	const all = query.all === "true";
	const folders = await scope.db
		.select()
		.from(documentFolders)
		.where(
			scope.where(
				documentFolders,
				eq(documentFolders.clientId, clientId),
				isNull(documentFolders.deletedAt),
				all ? undefined : folderId ? eq(documentFolders.parentId, folderId) : isNull(documentFolders.parentId),
			),
		)
		.orderBy(asc(documentFolders.name), asc(documentFolders.id));
	const docs = await documentsWhere(
		scope,
		eq(documents.clientId, clientId),
		all ? undefined : sameFolder(folderId),
		query.projectId ? eq(documents.projectId, query.projectId) : undefined,
	);
	return { folders: folders.map(({ tenantId: _t, ...f }) => f), documents: docs };
}

export async function versionsOf(scope: TenantScope, document: DocumentRow): Promise<z.infer<typeof VersionDto>[]> {
	const rows = await scope.db
		.select({ version: documentVersions, uploaderName: users.name })
		.from(documentVersions)
		.leftJoin(users, eq(users.id, documentVersions.uploadedBy))
		.where(scope.where(documentVersions, eq(documentVersions.documentId, document.id), isNull(documentVersions.deletedAt)))
		.orderBy(desc(documentVersions.number));
	return rows.map(({ version: v, uploaderName }) => ({
		id: v.id,
		number: v.number,
		size: v.size,
		contentType: v.contentType,
		uploadedBy: v.uploadedBy,
		uploaderName,
		restoredFrom: v.restoredFrom,
		current: v.id === document.currentVersionId,
		createdAt: v.createdAt,
	}));
}

export async function documentWithVersions(scope: TenantScope, access: ClientAccess, id: string) {
	const document = await getVisibleDocument(scope, access, id);
	return { ...(await documentDto(scope, id)), versions: await versionsOf(scope, document) };
}

/** A kept version of a visible document (its current one without `versionId`), or 404. */
export async function getVersion(scope: TenantScope, access: ClientAccess, documentId: string, versionId?: string) {
	const document = await getVisibleDocument(scope, access, documentId);
	const [version] = await scope.db
		.select()
		.from(documentVersions)
		.where(
			scope.where(
				documentVersions,
				eq(documentVersions.documentId, document.id),
				eq(documentVersions.id, versionId ?? document.currentVersionId),
				isNull(documentVersions.deletedAt),
			),
		)
		.limit(1);
	if (!version) throw problems.notFound("There is no version with this id.");
	return { document, version };
}

type NewVersion = {
	versionId: string;
	clientId: string;
	projectId: string | null;
	folderId: string | null;
	name: string;
	size: number;
	contentType: string;
	objectKey: string;
	uploadedBy: string | null;
	restoredFrom?: string;
};

type BatchStatement = Parameters<TenantScope["db"]["batch"]>[0][number];

/**
 * Records a stored object as the newest version of the document of that name in that folder (a new
 * document when there is none). The statements `alsoRun` makes for the document's id (settling the
 * version id's claim) run in the same batch. Returns the document's id.
 */
export async function addVersion(
	scope: TenantScope,
	input: NewVersion,
	alsoRun: (documentId: string) => BatchStatement[],
	now = Date.now(),
): Promise<string> {
	const [existing] = await scope.db
		.select()
		.from(documents)
		.where(
			scope.where(
				documents,
				eq(documents.clientId, input.clientId),
				sameFolder(input.folderId),
				eq(documents.name, input.name),
				isNull(documents.deletedAt),
			),
		)
		.limit(1);
	const documentId = existing?.id ?? newId(now);
	const number = (existing?.versionCount ?? 0) + 1;
	const version = scope.insert(documentVersions, {
		id: input.versionId,
		documentId,
		number,
		objectKey: input.objectKey,
		size: input.size,
		contentType: input.contentType,
		uploadedBy: input.uploadedBy,
		restoredFrom: input.restoredFrom ?? null,
		createdAt: now,
		updatedAt: now,
	});
	const document = existing
		? scope.update(documents, { currentVersionId: input.versionId, versionCount: number, updatedAt: now }, eq(documents.id, documentId))
		: scope.insert(documents, {
				id: documentId,
				clientId: input.clientId,
				projectId: input.projectId,
				folderId: input.folderId,
				name: input.name,
				currentVersionId: input.versionId,
				versionCount: 1,
				createdAt: now,
				updatedAt: now,
			});
	// The document row first: the version references it.
	await scope.db.batch([document, version, ...alsoRun(documentId)]);
	return documentId;
}

/**
 * Makes an old version current again as a new version with a copy of its bytes (counted against
 * storage). The new version's id is claimed before the copy is written, like an upload's.
 */
export async function restoreVersion(
	scope: TenantScope,
	files: R2Bucket,
	access: ClientAccess,
	input: { documentId: string; versionId: string; userId: string | null },
	now = Date.now(),
) {
	const { document, version } = await getVersion(scope, access, input.documentId, input.versionId);
	await assertStorageFor(scope, version.size);
	const object = await files.get(version.objectKey);
	if (!object) throw problems.notFound("The stored file of this version is missing.");
	const versionId = newId(now);
	const objectKey = documentObjectKey(scope.tenantId, versionId);
	const claim = await claimVersionId(scope, {
		id: versionId,
		clientId: document.clientId,
		projectId: document.projectId,
		folderId: document.folderId,
		name: document.name,
		contentType: version.contentType,
		size: version.size,
		partSize: version.size,
		objectKey,
		multipartUploadId: null,
		createdBy: input.userId,
		createdAt: now,
		updatedAt: now,
	});
	if (!claim) {
		await object.body.cancel();
		throw problems.idTaken();
	}
	try {
		await files.put(objectKey, object.body, { httpMetadata: { contentType: version.contentType } });
	} catch (error) {
		await releaseClaim(scope, versionId);
		throw error;
	}
	await addVersion(
		scope,
		{
			versionId,
			clientId: document.clientId,
			projectId: document.projectId,
			folderId: document.folderId,
			name: document.name,
			size: version.size,
			contentType: version.contentType,
			objectKey,
			uploadedBy: input.userId,
			restoredFrom: version.id,
		},
		(documentId) => [settleClaim(scope, versionId, documentId, now)],
		now,
	);
	return documentWithVersions(scope, access, document.id);
}

/** Renames a document or moves it to another folder of its client (null: the top level). */
export async function updateDocument(
	scope: TenantScope,
	access: ClientAccess,
	id: string,
	input: { name?: string; folderId?: string | null },
	now = Date.now(),
) {
	const document = await getVisibleDocument(scope, access, id);
	if (input.folderId) {
		const folder = await getVisibleFolder(scope, access, input.folderId).catch(() => null);
		if (folder?.clientId !== document.clientId)
			throw problems.validation([{ path: "folderId", message: "must be a folder of this client" }]);
	}
	const name = input.name ?? document.name;
	const folderId = input.folderId === undefined ? document.folderId : input.folderId;
	const [clash] = await scope.db
		.select({ id: documents.id })
		.from(documents)
		.where(
			scope.where(
				documents,
				eq(documents.clientId, document.clientId),
				sameFolder(folderId),
				eq(documents.name, name),
				isNull(documents.deletedAt),
			),
		)
		.limit(1);
	if (clash && clash.id !== id) throw problems.conflict("name", "is already used by another document in that folder");
	await scope.update(documents, { name, folderId, updatedAt: now }, eq(documents.id, id));
	return documentDto(scope, id);
}

/** Deletes a document with every version: tombstones the rows (for sync) and removes the bytes, freeing storage. */
export async function deleteDocument(scope: TenantScope, files: R2Bucket, access: ClientAccess, id: string, now = Date.now()) {
	const document = await getVisibleDocument(scope, access, id);
	const versions = await scope.db
		.select({ objectKey: documentVersions.objectKey })
		.from(documentVersions)
		.where(scope.where(documentVersions, eq(documentVersions.documentId, id), isNull(documentVersions.deletedAt)));
	await scope.db.batch([
		scope.update(documentVersions, { deletedAt: now, updatedAt: now }, eq(documentVersions.documentId, document.id)),
		scope.update(documents, { deletedAt: now, updatedAt: now }, eq(documents.id, document.id)),
	]);
	if (versions.length > 0) await files.delete(versions.map((v) => v.objectKey));
}
