/** Reads of the change log (`sync_changes`, written by triggers) and the per-field clocks of sync writes. */
import { and, asc, eq, gt, inArray, isNull, max, or, type SQL } from "drizzle-orm";
import type { SyncEntity } from "../../../schema/dto/sync";
import { formatHlc, type Hlc } from "../../../schema/hlc";
import { syncChanges, syncFieldClocks } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { type ClientAccess, visibleClientsCondition } from "../portal/client-access";

/**
 * The next `limit` (+1, to tell whether there is more) log rows after `afterSeq` for `entities`
 * that could concern `access`: the record's client, or the client it left, is one the user sees, or
 * the record is the user's own.
 */
export async function changesAfter(scope: TenantScope, access: ClientAccess, entities: string[], afterSeq: number, limit: number) {
	const now = visibleClientsCondition(access, syncChanges.clientId);
	const left = visibleClientsCondition(access, syncChanges.leftClientId);
	const clientVisible: SQL | undefined = now && left ? or(now, left) : undefined;
	// A person's own records (notifications) only to that person; everything else by its client.
	const visible = or(eq(syncChanges.ownerUserId, access.userId), and(isNull(syncChanges.ownerUserId), clientVisible));
	return scope.db
		.select()
		.from(syncChanges)
		.where(scope.where(syncChanges, gt(syncChanges.seq, afterSeq), inArray(syncChanges.entity, entities), visible))
		.orderBy(asc(syncChanges.seq))
		.limit(limit + 1);
}

/** The record's current version: the seq of its latest change (0 when never logged). */
export async function currentVersion(scope: TenantScope, entity: SyncEntity, recordId: string): Promise<number> {
	const [row] = await scope.db
		.select({ seq: max(syncChanges.seq) })
		.from(syncChanges)
		.where(scope.where(syncChanges, eq(syncChanges.entity, entity), eq(syncChanges.recordId, recordId)));
	return row?.seq ?? 0;
}

export async function fieldClocksOf(scope: TenantScope, entity: SyncEntity, recordId: string) {
	const rows = await scope.db
		.select()
		.from(syncFieldClocks)
		.where(scope.where(syncFieldClocks, eq(syncFieldClocks.entity, entity), eq(syncFieldClocks.recordId, recordId)));
	return new Map(rows.map((r) => [r.field, r]));
}

/** Remembers the clock of a sync write of `fields`, and the record version it produced. */
export async function recordFieldClocks(
	scope: TenantScope,
	entity: SyncEntity,
	recordId: string,
	fields: string[],
	hlc: Hlc,
	seq: number,
): Promise<void> {
	if (fields.length === 0) return;
	const text = formatHlc(hlc);
	await scope.db
		.insert(syncFieldClocks)
		.values(fields.map((field) => ({ tenantId: scope.tenantId, entity, recordId, field, hlc: text, seq })))
		.onConflictDoUpdate({
			target: [syncFieldClocks.tenantId, syncFieldClocks.entity, syncFieldClocks.recordId, syncFieldClocks.field],
			set: { hlc: text, seq },
		});
}
