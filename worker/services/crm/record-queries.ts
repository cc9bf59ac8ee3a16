/**
 * What contact and company lists share: the filters (workspace, full-text query, lifecycle stage,
 * tag, owner), the newest-first keyset cursor, and the owner check on writes. Each list passes its
 * table's columns; search goes through the table's FTS5 index (`crm_contact_search` /
 * `crm_company_search`, kept by triggers in migrations/0035), tenant first.
 */
import { and, eq, lt, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { LifecycleStage } from "../../../schema/crm";
import { clientIdOfWorkspace, type WorkspaceKeyT } from "../../../schema/dto/crm-workspaces";
import { memberships } from "../../../schema/index";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { ftsQuery } from "../assistant/search-index";
import { assertWorkspaceUsable, type WorkspaceAccess, workspaceListCondition } from "./workspace-access";

export type RecordColumns = {
	id: SQLiteColumn;
	clientId: SQLiteColumn;
	ownerUserId: SQLiteColumn;
	lifecycleStage: SQLiteColumn;
	tags: SQLiteColumn;
	deletedAt: SQLiteColumn;
	createdAt: SQLiteColumn;
};

export type RecordFilterInput = {
	workspace?: WorkspaceKeyT | undefined;
	q?: string | undefined;
	stage?: LifecycleStage | undefined;
	tag?: string | undefined;
	owner?: string | undefined;
	cursor?: string | undefined;
};

/** The FTS5 table indexing each kind of record. */
const SEARCH_TABLE = { contact: sql.raw("crm_contact_search"), company: sql.raw("crm_company_search") } as const;

/** Every condition of a list: live records in readable workspaces, the filters, and the page's cursor. */
export async function recordListConditions(
	scope: TenantScope,
	access: WorkspaceAccess,
	kind: keyof typeof SEARCH_TABLE,
	columns: RecordColumns,
	filters: RecordFilterInput,
): Promise<(SQL | undefined)[]> {
	const chosen = filters.workspace === undefined ? undefined : { clientId: clientIdOfWorkspace(filters.workspace) };
	if (chosen) await assertWorkspaceUsable(scope, access, chosen.clientId, "read", "workspace");
	const conditions: (SQL | undefined)[] = [sql`${columns.deletedAt} IS NULL`, workspaceListCondition(access, columns.clientId, chosen)];
	const words = filters.q ? ftsQuery(filters.q) : null;
	if (words) {
		const index = SEARCH_TABLE[kind];
		conditions.push(sql`${columns.id} IN (SELECT record_id FROM ${index} WHERE ${index} MATCH ${words} AND tenant_id = ${scope.tenantId})`);
	}
	if (filters.stage) conditions.push(eq(columns.lifecycleStage, filters.stage));
	if (filters.owner) conditions.push(eq(columns.ownerUserId, filters.owner));
	if (filters.tag) conditions.push(sql`EXISTS (SELECT 1 FROM json_each(${columns.tags}) WHERE value = ${filters.tag})`);
	if (filters.cursor) {
		const cursor = decodeCursor(filters.cursor);
		conditions.push(or(lt(columns.createdAt, cursor.value), and(eq(columns.createdAt, cursor.value), lt(columns.id, cursor.id))));
	}
	return conditions;
}

/** A page of `limit` from `rows` fetched with limit + 1, and the cursor of the next page. */
export function pageOf<T extends { id: string; createdAt: number }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
	const items = rows.slice(0, limit);
	const last = items.at(-1);
	return { items, nextCursor: rows.length > limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null };
}

/** 422 naming `ownerUserId` unless the user is a member of this agency. */
export async function assertOwnerIsMember(scope: TenantScope, userId: string | null | undefined): Promise<void> {
	if (!userId) return;
	const [row] = await scope.db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId)))
		.limit(1);
	if (!row) throw problems.validation([{ path: "ownerUserId", message: "must be a member of your agency" }]);
}
