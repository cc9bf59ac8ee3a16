/**
 * What one pulled sync page does to the device store, worked out in memory so the store is written
 * in one IndexedDB transaction per page instead of a read and a write per record. The changes apply
 * in order, exactly as one by one would: a record never replaces a newer copy, a deletion is kept
 * as a tombstone (so an older network answer never brings it back) and, for a project, thread or
 * document, marks the children already stored or put earlier in the page. DOM-free and pure (unit-tested in tests/unit/sync-page-plan.test.ts).
 */
import type { SyncEntity, SyncPageT } from "../../../schema/dto/sync";
import type { StoredRecord } from "./local-store";

export type SyncChange = SyncPageT["changes"][number];
export type RecordKey = [SyncEntity, string];

/** A parent's tombstone takes its children with it (their own tombstones are not sent). */
export const CHILDREN_OF: Partial<Record<SyncEntity, { entity: SyncEntity; parentKey: string }[]>> = {
	projects: [
		{ entity: "milestones", parentKey: "projectId" },
		{ entity: "tasks", parentKey: "projectId" },
		{ entity: "deliverables", parentKey: "projectId" },
	],
	message_threads: [{ entity: "thread_messages", parentKey: "threadId" }],
	documents: [{ entity: "document_versions", parentKey: "documentId" }],
};

/** What the plan needs to read first: the stored copies of these records, and every stored record of these child entities. */
export function pageReads(changes: readonly SyncChange[]): { keys: RecordKey[]; childEntities: SyncEntity[] } {
	const keys: RecordKey[] = [];
	const childEntities = new Set<SyncEntity>();
	for (const change of changes) {
		keys.push([change.entity, change.id]);
		if (change.deleted) for (const child of CHILDREN_OF[change.entity] ?? []) childEntities.add(child.entity);
	}
	return { keys, childEntities: [...childEntities] };
}

/** The records to write: kept records and tombstones alike (a deletion is kept as a tombstone, see newer-records.ts). */
export type PagePlan = { puts: StoredRecord[] };

const keyOf = (entity: SyncEntity, id: string) => `${entity}:${id}`;

function tombstone(entity: SyncEntity, id: string, version: number, now: number): StoredRecord {
	return { entity, id, version, record: {}, lastUsedAt: now, deleted: true };
}

/**
 * The writes for one page. `stored` holds the stored copies read for `pageReads` (the records the
 * page names, and the stored children of the entities its tombstones cascade to).
 */
export function planPage(changes: readonly SyncChange[], stored: readonly StoredRecord[], now: number): PagePlan {
	const before = new Map(stored.map((r) => [keyOf(r.entity, r.id), r]));
	// What the page has written so far, tombstones included.
	const after = new Map<string, StoredRecord>();
	const current = (key: string) => after.get(key) ?? before.get(key);

	for (const change of changes) {
		const key = keyOf(change.entity, change.id);
		const existing = current(key);
		// Never replace a newer copy (e.g. the record a push just answered with) by an older one.
		if (existing && existing.version > change.version) continue;
		if (change.deleted) {
			after.set(key, tombstone(change.entity, change.id, change.version, now));
			for (const { entity, parentKey } of CHILDREN_OF[change.entity] ?? []) {
				for (const childKey of new Set([...before.keys(), ...after.keys()])) {
					const child = current(childKey);
					if (child?.entity !== entity || child.deleted || child.record[parentKey] !== change.id) continue;
					after.set(childKey, tombstone(entity, child.id, Math.max(child.version, change.version), now));
				}
			}
			continue;
		}
		if (!change.record) continue;
		after.set(key, {
			entity: change.entity,
			id: change.id,
			version: change.version,
			record: change.record,
			lastUsedAt: existing?.lastUsedAt ?? now,
		});
	}
	return { puts: [...after.values()] };
}
