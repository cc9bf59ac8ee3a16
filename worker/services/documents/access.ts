/**
 * Which documents, folders and uploads a user may reach: those of the clients their ClientAccess
 * (worker/services/portal/client-access.ts) lets them see. Anything else answers 404.
 */
import { eq, isNull } from "drizzle-orm";
import {
	type DocumentFolderRow,
	type DocumentRow,
	type DocumentUploadRow,
	documentFolders,
	documents,
	documentUploads,
} from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { type ClientAccess, canSeeClient } from "../portal/client-access";
import { getClient } from "../portal/clients";
import { getVisibleProject } from "../portal/visible-project";

export { getClient as getVisibleClient };

export async function getVisibleDocument(scope: TenantScope, access: ClientAccess, id: string): Promise<DocumentRow> {
	const [row] = await scope.db
		.select()
		.from(documents)
		.where(scope.where(documents, eq(documents.id, id), isNull(documents.deletedAt)))
		.limit(1);
	if (!row || !canSeeClient(access, row.clientId)) throw problems.notFound("There is no document with this id.");
	return row;
}

export async function getVisibleFolder(scope: TenantScope, access: ClientAccess, id: string): Promise<DocumentFolderRow> {
	const [row] = await scope.db
		.select()
		.from(documentFolders)
		.where(scope.where(documentFolders, eq(documentFolders.id, id), isNull(documentFolders.deletedAt)))
		.limit(1);
	if (!row || !canSeeClient(access, row.clientId)) throw problems.notFound("There is no folder with this id.");
	return row;
}

export async function getVisibleUpload(scope: TenantScope, access: ClientAccess, id: string): Promise<DocumentUploadRow> {
	const [row] = await scope.db
		.select()
		.from(documentUploads)
		.where(scope.where(documentUploads, eq(documentUploads.id, id)))
		.limit(1);
	if (!row || !canSeeClient(access, row.clientId)) throw problems.notFound("There is no upload with this id.");
	return row;
}

/** 422 naming the field unless the folder and project (when given) belong to `clientId`. */
export async function assertPlacement(
	scope: TenantScope,
	access: ClientAccess,
	clientId: string,
	placement: { folderId?: string | null; projectId?: string | null },
): Promise<void> {
	if (placement.folderId) {
		const folder = await getVisibleFolder(scope, access, placement.folderId).catch(() => null);
		if (folder?.clientId !== clientId) throw problems.validation([{ path: "folderId", message: "must be a folder of this client" }]);
	}
	if (placement.projectId) {
		const project = await getVisibleProject(scope, access, placement.projectId).catch(() => null);
		if (project?.clientId !== clientId) throw problems.validation([{ path: "projectId", message: "must be a project of this client" }]);
	}
}
