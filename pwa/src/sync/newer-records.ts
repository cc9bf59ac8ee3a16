/**
 * Store first, newer network answer on top (pure; tests/unit/newer-records.test.ts): a page reads
 * the device's synced records and lays a REST answer over them wherever the answer's record is
 * newer or missing from the store. The store may lag behind (a pull failed or has not run yet), and
 * an older synced copy must never hide a newer answer; an older answer never replaces a newer
 * synced record, and a record the store knows was deleted (a tombstone) is never brought back by
 * an answer fetched before the deletion reached the device — a restore comes back through sync.
 */
import type { SyncEntity } from "../../../schema/dto/sync";
import type { StoredRecord } from "./local-store";

export type Records = ReadonlyMap<string, StoredRecord>;
/** A record from a REST answer, with the synced entity it belongs to. */
export type NetworkRecord = { entity: SyncEntity; record: { id: string } & Record<string, unknown> };

/** How recent a record is: its last update, or for records without one (notifications) when it was read or made. */
export function freshness(record: Record<string, unknown> | undefined): number {
	const stamps = [record?.updatedAt, record?.readAt, record?.createdAt].filter((v): v is number => typeof v === "number");
	return stamps.length > 0 ? Math.max(...stamps) : Number.NEGATIVE_INFINITY;
}

/**
 * The store's records with the network's laid over them where newer. Records taken from the network
 * keep the store's version (-1 when new: writes read versions from the store). The store itself is
 * left untouched.
 */
export function withNewerRecords(records: Records, tombstones: ReadonlySet<string>, network: Iterable<NetworkRecord>): Records {
	const merged = new Map(records);
	for (const { entity, record } of network) {
		const key = `${entity}:${record.id}`;
		if (tombstones.has(key)) continue;
		const stored = merged.get(key);
		if (stored && freshness(stored.record) >= freshness(record)) continue;
		// A newer answer that says the record is deleted takes it off the page.
		if (typeof record.deletedAt === "number") merged.delete(key);
		else merged.set(key, { entity, id: record.id, version: stored?.version ?? -1, record, lastUsedAt: stored?.lastUsedAt ?? 0 });
	}
	return merged;
}
