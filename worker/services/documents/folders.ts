/** Folders of a client's documents: create (at the top or inside another), rename, delete when empty. */
import { and, eq, isNull } from "drizzle-orm";
import { documentFolders, documents } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import { getVisibleClient, getVisibleFolder } from "./access";

export function toFolderDto({ tenantId: _t, ...folder }: typeof documentFolders.$inferSelect) {
	return folder;
}

async function assertNameFree(scope: TenantScope, clientId: string, parentId: string | null, name: string, exceptId?: string) {
	const [clash] = await scope.db
		.select({ id: documentFolders.id })
		.from(documentFolders)
		.where(
			scope.where(
				documentFolders,
				eq(documentFolders.clientId, clientId),
				parentId ? eq(documentFolders.parentId, parentId) : isNull(documentFolders.parentId),
				eq(documentFolders.name, name),
				isNull(documentFolders.deletedAt),
			),
		)
		.limit(1);
	if (clash && clash.id !== exceptId) throw problems.conflict("name", "is already used by another folder here");
}

export async function createFolder(
	scope: TenantScope,
	access: ClientAccess,
	clientId: string,
	input: { name: string; parentId?: string },
	now = Date.now(),
) {
	await getVisibleClient(scope, access, clientId);
	if (input.parentId) {
		const parent = await getVisibleFolder(scope, access, input.parentId).catch(() => null);
		if (parent?.clientId !== clientId) throw problems.validation([{ path: "parentId", message: "must be a folder of this client" }]);
	}
	await assertNameFree(scope, clientId, input.parentId ?? null, input.name);
	const [row] = await scope
		.insert(documentFolders, {
			id: newId(now),
			clientId,
			parentId: input.parentId ?? null,
			name: input.name,
			createdAt: now,
			updatedAt: now,
		})
		.returning();
	if (!row) throw new Error("folder insert returned nothing");
	return toFolderDto(row);
}

export async function renameFolder(scope: TenantScope, access: ClientAccess, id: string, name: string, now = Date.now()) {
	const folder = await getVisibleFolder(scope, access, id);
	await assertNameFree(scope, folder.clientId, folder.parentId, name, id);
	const [row] = await scope.update(documentFolders, { name, updatedAt: now }, eq(documentFolders.id, id)).returning();
	if (!row) throw problems.notFound("There is no folder with this id.");
	return toFolderDto(row);
}

/** Deletes an empty folder (409 while it holds documents or folders). */
export async function deleteFolder(scope: TenantScope, access: ClientAccess, id: string, now = Date.now()): Promise<void> {
	const folder = await getVisibleFolder(scope, access, id);
	const [doc] = await scope.db
		.select({ id: documents.id })
		.from(documents)
		.where(scope.where(documents, eq(documents.folderId, folder.id), isNull(documents.deletedAt)))
		.limit(1);
	const [child] = await scope.db
		.select({ id: documentFolders.id })
		.from(documentFolders)
		.where(scope.where(documentFolders, and(eq(documentFolders.parentId, folder.id), isNull(documentFolders.deletedAt))))
		.limit(1);
	if (doc || child) throw problems.conflict("id", "is a folder that is not empty; move or delete what it holds first");
	await scope.update(documentFolders, { deletedAt: now, updatedAt: now }, eq(documentFolders.id, id));
}
