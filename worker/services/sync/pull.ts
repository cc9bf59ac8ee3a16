/**
 * GET /sync: the changes a signed-in user may receive after a cursor, in change-log order. A record
 * the user may see comes whole; one deleted, or no longer visible to them (its project moved away,
 * was deleted), comes as a tombstone, but only to users who could see it before. The cursor carries
 * the user's access: when that changed (linked to another client), the device is told to reset.
 */
import type { SyncChangeT, SyncEntity, SyncPageT } from "../../../schema/dto/sync";
import type { AuthContext } from "../../env";
import { selectInChunks } from "../../lib/chunks";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { type ClientAccess, canSeeClient } from "../portal/client-access";
import { changesAfter } from "./change-log";
import { SYNC_SOURCES, sourceOf } from "./registry";
import { serverHlc } from "./server-clock";
import type { LoadedRecord } from "./source";

/** What the cursor is valid for: a different value means the device's data no longer matches. */
function accessKey(access: ClientAccess, entities: string[]): string {
	const who = access.kind === "all" ? "all" : `client:${access.clientId ?? "none"}`;
	return `${who}|${entities.join(",")}`;
}

function canSee(access: ClientAccess, clientId: string | null): boolean {
	return access.kind === "all" || (clientId !== null && canSeeClient(access, clientId));
}

/** A person's own record (`ownerUserId` set) reaches only them; any other by its client. */
function canReceive(access: ClientAccess, ownerUserId: string | null | undefined, clientId: string | null): boolean {
	return ownerUserId ? ownerUserId === access.userId : canSee(access, clientId);
}

export async function pullChanges(
	scope: TenantScope,
	auth: AuthContext,
	access: ClientAccess,
	query: { cursor?: string | undefined; limit: number },
	now = Date.now(),
): Promise<SyncPageT> {
	const readable = SYNC_SOURCES.filter((s) => s.readPermissions.some((p) => auth.permissions.has(p))).map((s) => s.entity);
	const key = accessKey(access, readable);
	const cursor = query.cursor ? decodeCursor(query.cursor) : null;
	const reset = cursor !== null && cursor.id !== key;
	const after = cursor && !reset ? Number(cursor.value) : 0;
	const rows = readable.length ? await changesAfter(scope, access, readable, after, query.limit) : [];
	const page = rows.slice(0, query.limit);

	// The latest log row of each record in this page decides what is sent.
	const latest = new Map<string, (typeof page)[number]>();
	for (const row of page) latest.set(`${row.entity}:${row.recordId}`, row);
	const byEntity = new Map<SyncEntity, string[]>();
	for (const row of latest.values()) {
		const entity = row.entity as SyncEntity;
		byEntity.set(entity, [...(byEntity.get(entity) ?? []), row.recordId]);
	}
	const loaded = new Map<string, LoadedRecord>();
	// A page holds up to 500 records; D1 takes at most 100 bound parameters per statement.
	for (const [entity, ids] of byEntity) {
		const source = sourceOf(entity);
		if (!source) continue;
		for (const record of await selectInChunks(ids, (slice) => source.load(scope, slice))) loaded.set(`${entity}:${record.id}`, record);
	}

	const changes: SyncChangeT[] = [];
	for (const [id, row] of latest) {
		const entity = row.entity as SyncEntity;
		const record = loaded.get(id);
		if (record?.live && canReceive(access, record.ownerUserId, record.clientId)) {
			changes.push({ entity, id: row.recordId, version: row.seq, deleted: false, record: record.record });
		} else if (canReceive(access, row.ownerUserId, row.clientId) || canReceive(access, row.ownerUserId, row.leftClientId)) {
			changes.push({ entity, id: row.recordId, version: row.seq, deleted: true, record: null });
		}
	}
	changes.sort((a, b) => a.version - b.version);
	const lastSeq = page.at(-1)?.seq ?? after;
	return {
		changes,
		nextCursor: encodeCursor({ value: lastSeq, id: key }),
		hasMore: rows.length > query.limit,
		reset,
		serverHlc: serverHlc(now),
	};
}
