/**
 * Asking for a bulk download and following it: a request names deliverables (each one the user may
 * see) or a filter, and becomes one `deliverable_archives` row that a job builds. A replayed request
 * (same Idempotency-Key) returns the same archive. Only the person who asked sees or downloads it.
 */
import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ArchiveDto, ArchiveRequestBody } from "../../../schema/dto/downloads";
import { type DeliverableArchiveRow, deliverableArchives } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import { deliveredByIds, deliveredMatching } from "./delivered";

export type ArchiveSelection = z.infer<typeof ArchiveRequestBody>;

/** Creates the archive request (or returns the one made under the same key), checking every named id. */
export async function requestArchive(
	scope: TenantScope,
	access: ClientAccess,
	selection: ArchiveSelection,
	requestKey: string | null,
	now = Date.now(),
): Promise<{ archive: DeliverableArchiveRow; created: boolean }> {
	if (requestKey) {
		const existing = await findByKey(scope, access.userId, requestKey);
		if (existing) return { archive: existing, created: false };
	}
	await assertSelectable(scope, access, selection);
	const [row] = await scope
		.insert(deliverableArchives, {
			id: newId(now),
			requestedBy: access.userId,
			clientScopeId: access.kind === "own" ? access.clientId : null,
			selection: JSON.stringify(selection.deliverableIds ? { deliverableIds: selection.deliverableIds } : { filter: selection.filter }),
			requestKey,
			createdAt: now,
			updatedAt: now,
		})
		.onConflictDoNothing()
		.returning();
	if (row) return { archive: row, created: true };
	const raced = requestKey ? await findByKey(scope, access.userId, requestKey) : null;
	if (!raced) throw new Error("archive insert returned nothing");
	return { archive: raced, created: false };
}

/** 422 naming the field unless every id is a deliverable the user may see, or the filter matches something. */
async function assertSelectable(scope: TenantScope, access: ClientAccess, selection: ArchiveSelection): Promise<void> {
	if (selection.deliverableIds) {
		const ids = [...new Set(selection.deliverableIds)];
		const visible = new Set((await deliveredByIds(scope, access, ids)).map((d) => d.id));
		const index = selection.deliverableIds.findIndex((id) => !visible.has(id));
		if (index >= 0) throw problems.validation([{ path: `deliverableIds.${index}`, message: "is not a deliverable you may download" }]);
		return;
	}
	const matching = await deliveredMatching(scope, access, selection.filter ?? {}, 1);
	if (matching.length === 0) throw problems.validation([{ path: "filter", message: "matches no deliverable you may download" }]);
}

async function findByKey(scope: TenantScope, userId: string, requestKey: string): Promise<DeliverableArchiveRow | null> {
	const [row] = await scope.db
		.select()
		.from(deliverableArchives)
		.where(scope.where(deliverableArchives, eq(deliverableArchives.requestedBy, userId), eq(deliverableArchives.requestKey, requestKey)))
		.limit(1);
	return row ?? null;
}

/** The user's own archive, or 404 (someone else's answers the same as none). */
export async function getOwnArchive(scope: TenantScope, userId: string, id: string): Promise<DeliverableArchiveRow> {
	const [row] = await scope.db
		.select()
		.from(deliverableArchives)
		.where(scope.where(deliverableArchives, eq(deliverableArchives.id, id), eq(deliverableArchives.requestedBy, userId)))
		.limit(1);
	if (!row) throw problems.notFound("There is no download with this id.");
	return row;
}

/** The user's most recent archives, newest first. */
export function listOwnArchives(scope: TenantScope, userId: string, limit = 20): Promise<DeliverableArchiveRow[]> {
	return scope.db
		.select()
		.from(deliverableArchives)
		.where(scope.where(deliverableArchives, eq(deliverableArchives.requestedBy, userId)))
		.orderBy(desc(deliverableArchives.createdAt), desc(deliverableArchives.id))
		.limit(limit);
}

/** The archive's R2 key, unless it cannot be downloaded now: 409 while it is being made or failed, 410 once expired. */
export function downloadableKey(row: DeliverableArchiveRow, now = Date.now()): string {
	if (row.status === "expired" || (row.expiresAt !== null && row.expiresAt <= now)) {
		throw new Problem(410, "gone", "This download has expired", "Ask for a new download of these deliverables.");
	}
	if (row.status !== "ready" || !row.objectKey) {
		throw new Problem(409, "not-ready", "This download is not ready", `The download is ${row.status}.`);
	}
	return row.objectKey;
}

export function archiveDto(row: DeliverableArchiveRow): z.infer<typeof ArchiveDto> {
	return {
		id: row.id,
		status: row.status,
		fileCount: row.fileCount,
		linkCount: row.linkCount,
		size: row.size,
		error: row.error,
		createdAt: row.createdAt,
		readyAt: row.readyAt,
		expiresAt: row.expiresAt,
		downloadUrl: row.status === "ready" ? `/api/v1/downloads/archives/${row.id}/file` : null,
	};
}
