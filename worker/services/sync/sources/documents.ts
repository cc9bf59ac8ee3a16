/**
 * Sync sources: document metadata — folders, documents (with their current version's size and
 * type) and their versions — visible with their client, as the documents routes show them. Only
 * metadata travels here; a document's bytes are fetched by the device when the user pins it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { documentFolders, documents, documentVersions } from "../../../../schema/index";
import { toFolderDto } from "../../documents/folders";
import { toDocumentDto } from "../../documents/versions";
import type { SyncSourceParts } from "../source";

export const foldersSource: SyncSourceParts = {
	readPermissions: ["documents:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select()
			.from(documentFolders)
			.where(scope.where(documentFolders, inArray(documentFolders.id, ids)));
		return rows.map((row) => ({ id: row.id, clientId: row.clientId, live: row.deletedAt === null, record: toFolderDto(row) }));
	},
};

export const documentsSource: SyncSourceParts = {
	readPermissions: ["documents:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({ document: documents, size: documentVersions.size, contentType: documentVersions.contentType })
			.from(documents)
			.innerJoin(
				documentVersions,
				and(eq(documentVersions.id, documents.currentVersionId), eq(documentVersions.tenantId, documents.tenantId)),
			)
			.where(scope.where(documents, inArray(documents.id, ids)));
		return rows.map((r) => ({
			id: r.document.id,
			clientId: r.document.clientId,
			live: r.document.deletedAt === null,
			record: toDocumentDto(r.document, r.size, r.contentType),
		}));
	},
};

export const versionsSource: SyncSourceParts = {
	readPermissions: ["documents:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({ version: documentVersions, clientId: documents.clientId, documentDeletedAt: documents.deletedAt })
			.from(documentVersions)
			.leftJoin(documents, and(eq(documents.id, documentVersions.documentId), eq(documents.tenantId, documentVersions.tenantId)))
			.where(scope.where(documentVersions, inArray(documentVersions.id, ids)));
		return rows.map(({ version, clientId, documentDeletedAt }) => ({
			id: version.id,
			clientId,
			live: version.deletedAt === null && clientId !== null && documentDeletedAt === null,
			record: {
				id: version.id,
				documentId: version.documentId,
				number: version.number,
				size: version.size,
				contentType: version.contentType,
				uploadedBy: version.uploadedBy,
				restoredFrom: version.restoredFrom,
				createdAt: version.createdAt,
				updatedAt: version.updatedAt,
			},
		}));
	},
};
