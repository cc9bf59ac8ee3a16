/**
 * The download centre's list: every live deliverable of the clients a user may see (files with
 * their document's current version, links with their address), filtered by client, project,
 * status, type and delivery date, newest first. The same query selects what goes into an archive.
 */
import { and, desc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DeliveredFilter, DeliveredItem, DeliveredQuery } from "../../../schema/dto/downloads";
import { clients, deliverables, documents, documentVersions, projects } from "../../../schema/index";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { type ClientAccess, visibleClientsCondition } from "../portal/client-access";

export type DeliveredFilterInput = z.infer<typeof DeliveredFilter>;
export type DeliveredItemDto = z.infer<typeof DeliveredItem>;
/** A delivered item with where its file's bytes are (for building archives). */
export type DeliveredRow = DeliveredItemDto & { objectKey: string | null };

function filterConditions(access: ClientAccess, filter: DeliveredFilterInput): (SQL | undefined)[] {
	return [
		isNull(deliverables.deletedAt),
		isNull(projects.deletedAt),
		isNull(clients.deletedAt),
		visibleClientsCondition(access, projects.clientId),
		filter.clientId ? eq(projects.clientId, filter.clientId) : undefined,
		filter.projectId ? eq(deliverables.projectId, filter.projectId) : undefined,
		filter.status ? eq(deliverables.status, filter.status) : undefined,
		filter.kind ? eq(deliverables.kind, filter.kind) : undefined,
		filter.from !== undefined ? gte(deliverables.createdAt, filter.from) : undefined,
		filter.to !== undefined ? lt(deliverables.createdAt, filter.to) : undefined,
	];
}

async function selectDelivered(scope: TenantScope, conditions: (SQL | undefined)[], limit: number): Promise<DeliveredRow[]> {
	const rows = await scope.db
		.select({
			deliverable: deliverables,
			projectName: projects.name,
			clientId: projects.clientId,
			clientName: clients.name,
			document: { id: documents.id, name: documents.name },
			version: { size: documentVersions.size, contentType: documentVersions.contentType, objectKey: documentVersions.objectKey },
		})
		.from(deliverables)
		.innerJoin(projects, and(eq(projects.id, deliverables.projectId), eq(projects.tenantId, deliverables.tenantId)))
		.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
		.leftJoin(
			documents,
			and(
				eq(documents.id, deliverables.documentId),
				eq(documents.tenantId, deliverables.tenantId),
				// A delivered file is the client's own document; anything else is treated as missing.
				eq(documents.clientId, projects.clientId),
				isNull(documents.deletedAt),
			),
		)
		.leftJoin(documentVersions, and(eq(documentVersions.id, documents.currentVersionId), eq(documentVersions.tenantId, documents.tenantId)))
		.where(scope.where(deliverables, ...conditions))
		.orderBy(desc(deliverables.createdAt), desc(deliverables.id))
		.limit(limit);
	return rows.map((r) => ({
		id: r.deliverable.id,
		title: r.deliverable.title,
		kind: r.deliverable.kind,
		status: r.deliverable.status,
		url: r.deliverable.url,
		file:
			r.deliverable.kind === "file" && r.document && r.version
				? { documentId: r.document.id, name: r.document.name, size: r.version.size, contentType: r.version.contentType }
				: null,
		objectKey: r.deliverable.kind === "file" && r.version ? r.version.objectKey : null,
		projectId: r.deliverable.projectId,
		projectName: r.projectName,
		clientId: r.clientId,
		clientName: r.clientName,
		createdAt: r.deliverable.createdAt,
		updatedAt: r.deliverable.updatedAt,
	}));
}

/** One page of what was delivered to the clients `access` may see, newest first. */
export async function listDelivered(
	scope: TenantScope,
	access: ClientAccess,
	query: z.infer<typeof DeliveredQuery>,
): Promise<{ items: DeliveredItemDto[]; nextCursor: string | null }> {
	const { cursor, limit, ...filter } = query;
	const conditions = filterConditions(access, filter);
	if (cursor) {
		const after = decodeCursor(cursor);
		const at = Number(after.value);
		conditions.push(or(lt(deliverables.createdAt, at), and(eq(deliverables.createdAt, at), lt(deliverables.id, after.id))));
	}
	const rows = await selectDelivered(scope, conditions, limit + 1);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	const nextCursor = rows.length > limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null;
	return { items: page.map(({ objectKey: _key, ...item }) => item), nextCursor };
}

/** Every deliverable matching `filter` that `access` may see (at most `max`). */
export function deliveredMatching(
	scope: TenantScope,
	access: ClientAccess,
	filter: DeliveredFilterInput,
	max: number,
): Promise<DeliveredRow[]> {
	return selectDelivered(scope, filterConditions(access, filter), max);
}

/** Those of `ids` that `access` may see; the others are simply absent. */
export function deliveredByIds(scope: TenantScope, access: ClientAccess, ids: readonly string[]): Promise<DeliveredRow[]> {
	if (ids.length === 0) return Promise.resolve([]);
	return selectDelivered(scope, [...filterConditions(access, {}), inArray(deliverables.id, [...ids])], ids.length);
}
