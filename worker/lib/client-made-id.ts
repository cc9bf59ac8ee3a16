/**
 * Creating a row under an id the caller made (the PWA makes ids offline, so a retried create must be
 * recognised). Ids are unique across agencies, so one helper answers every case the same way:
 *
 * - the id is free: the row is inserted and returned;
 * - this agency already holds it with the same content (`isReplay`): a replayed create, answered with
 *   the stored row and changing nothing;
 * - anyone else holds it — another record of this agency, or any record of another agency, or a
 *   different create that won a race — the one `409` naming `id` (problems.idTaken), which says
 *   nothing about the record holding it. Nothing is written.
 *
 * Only this agency's row is ever read; another agency's id shows only as an insert that inserted
 * nothing (`ON CONFLICT DO NOTHING` on the primary key).
 */
import { eq } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { TenantScope, TenantTable } from "./db";
import { problems } from "./problem";

/** A tenant table keyed by a text `id`. */
export type ClientIdTable = TenantTable & { id: SQLiteColumn };

/** A row to insert, without the tenant (the scope adds it) and the id (the helper adds it). */
export type NewRowOf<T extends ClientIdTable> = Omit<T["$inferInsert"], "tenantId" | "id">;

export type ClientMadeIdCreate<T extends ClientIdTable> = {
	/** Whether a row this agency already holds under the id is the same create replayed. */
	isReplay: (existing: T["$inferSelect"]) => boolean;
	/**
	 * The row to insert (without tenant), built only when the id is free: checks that must not run for
	 * a replay (plan limits) and values read from the database (next position) belong here.
	 */
	values: () => NewRowOf<T> | Promise<NewRowOf<T>>;
};

/** This agency's row under `id`, or null. */
async function ownRow<T extends ClientIdTable>(scope: TenantScope, table: T, id: string): Promise<T["$inferSelect"] | null> {
	const rows = (await scope.db
		.select()
		.from(table as ClientIdTable)
		.where(scope.where(table, eq(table.id, id)))
		.limit(1)) as T["$inferSelect"][];
	return rows[0] ?? null;
}

/** The stored row when it replays this create; 409 naming `id` when the id holds something else. */
async function replayOf<T extends ClientIdTable>(
	scope: TenantScope,
	table: T,
	id: string,
	isReplay: ClientMadeIdCreate<T>["isReplay"],
): Promise<T["$inferSelect"] | null> {
	const existing = await ownRow(scope, table, id);
	if (!existing) return null;
	if (isReplay(existing)) return existing;
	throw problems.idTaken();
}

/** Inserts the row under the caller's `id` (see the header for every outcome). */
export async function createWithClientMadeId<T extends ClientIdTable>(
	scope: TenantScope,
	table: T,
	id: string,
	create: ClientMadeIdCreate<T>,
): Promise<T["$inferSelect"]> {
	return (await insertWithClientMadeId(scope, table, id, create)).row;
}

/**
 * As createWithClientMadeId, also saying whether this call inserted the row (`created`) or answered a
 * replay: a service runs a creation's side effects (audit, onboarding, notifications) only when created.
 */
export async function insertWithClientMadeId<T extends ClientIdTable>(
	scope: TenantScope,
	table: T,
	id: string,
	create: ClientMadeIdCreate<T>,
): Promise<{ row: T["$inferSelect"]; created: boolean }> {
	const earlier = await replayOf(scope, table, id, create.isReplay);
	if (earlier) return { row: earlier, created: false };
	const values = await create.values();
	const inserted = (await scope
		.insert(table, { ...values, id } as Omit<T["$inferInsert"], "tenantId">)
		.onConflictDoNothing()
		.returning()) as T["$inferSelect"][];
	const row = inserted[0];
	if (row) return { row, created: true };
	// Nothing inserted: a create of the same id raced this one (a replay when it matches), or the id
	// is another agency's — answered as any taken id.
	const raced = await replayOf(scope, table, id, create.isReplay);
	if (raced) return { row: raced, created: false };
	throw problems.idTaken();
}
