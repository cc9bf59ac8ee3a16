/**
 * The device's IndexedDB for offline sync, one database per tenant and user (nothing of one user is
 * readable under another's name): synced records with the version they came at, the outbox of
 * unsent mutations in device sequence order, conflicts awaiting the user, and the sync state
 * (cursor, device id, next sequence number, clock, last sync time), and what pages read from the
 * network beside the synced records (e.g. a project's assignee names) so they show it offline. DOM-free: the service worker
 * opens it too (Background Sync). A small index database names the signed-in user's store.
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from "idb";
import type { SyncEntity, SyncMutationResultT, SyncMutationT } from "../../../schema/dto/sync";

export type StoredRecord = {
	entity: SyncEntity;
	id: string;
	version: number;
	record: Record<string, unknown>;
	/** For the storage budget: the last time a page read it. */
	lastUsedAt: number;
	/** A tombstone: the record was deleted (or left the user's sight) at `version`; `record` is empty. */
	deleted?: true;
};

/** A mutation as sent to POST /api/v1/sync (schema/dto/sync.ts SyncMutation). */
export type OutboxMutation = SyncMutationT;

export type OutboxEntry = { seq: number; mutation: OutboxMutation; entity: SyncEntity; createdAt: number };

export type ConflictEntry = { id: string; mutation: OutboxMutation; entity: SyncEntity; result: SyncMutationResultT };

export type SyncMeta = {
	cursor: string | null;
	deviceId: string;
	nextSeq: number;
	hlc: string | null;
	lastSyncAt: number | null;
};

interface SyncDb extends DBSchema {
	records: { key: [string, string]; value: StoredRecord; indexes: { byEntity: string } };
	outbox: { key: number; value: OutboxEntry };
	conflicts: { key: string; value: ConflictEntry };
	meta: { key: "state"; value: SyncMeta };
	/** Network answers a page keeps for offline use, by key (e.g. `project-extras:<id>`). */
	extras: { key: string; value: unknown };
}

interface IndexDb extends DBSchema {
	active: { key: "current"; value: { name: string } };
}

export type LocalStore = IDBPDatabase<SyncDb>;

const INDEX_DB = "atrium-sync-index";

export function storeName(tenantId: string, userId: string): string {
	return `atrium-sync:${tenantId}:${userId}`;
}

export async function openLocalStore(name: string): Promise<LocalStore> {
	const db: LocalStore = await openDB<SyncDb>(name, 2, {
		// A newer version opened elsewhere (an updated tab or service worker): let it upgrade.
		blocking() {
			db.close();
		},
		upgrade(database, oldVersion) {
			if (oldVersion < 1) {
				database.createObjectStore("records", { keyPath: ["entity", "id"] }).createIndex("byEntity", "entity");
				database.createObjectStore("outbox", { keyPath: "seq" });
				database.createObjectStore("conflicts", { keyPath: "id" });
				database.createObjectStore("meta");
			}
			if (oldVersion < 2) database.createObjectStore("extras");
		},
	});
	return db;
}

function openIndex() {
	return openDB<IndexDb>(INDEX_DB, 1, {
		upgrade(db) {
			db.createObjectStore("active");
		},
	});
}

/** Remembers whose store is current, for the service worker's Background Sync. */
export async function setActiveStore(name: string | null): Promise<void> {
	const db = await openIndex();
	if (name) await db.put("active", { name }, "current");
	else await db.delete("active", "current");
	db.close();
}

export async function activeStoreName(): Promise<string | null> {
	const db = await openIndex();
	const row = await db.get("active", "current");
	db.close();
	return row?.name ?? null;
}

/** Deletes a user's store (sign-out). */
export async function wipeLocalStore(name: string): Promise<void> {
	await deleteDB(name);
}

export async function readMeta(db: LocalStore): Promise<SyncMeta> {
	const meta = await db.get("meta", "state");
	if (meta) return meta;
	const fresh: SyncMeta = { cursor: null, deviceId: `dev-${crypto.randomUUID()}`, nextSeq: 1, hlc: null, lastSyncAt: null };
	await db.put("meta", fresh, "state");
	return fresh;
}

export async function writeMeta(db: LocalStore, patch: Partial<SyncMeta>): Promise<SyncMeta> {
	const tx = db.transaction("meta", "readwrite");
	const current = await tx.store.get("state");
	const next: SyncMeta = {
		cursor: null,
		deviceId: `dev-${crypto.randomUUID()}`,
		nextSeq: 1,
		hlc: null,
		lastSyncAt: null,
		...current,
		...patch,
	};
	await tx.store.put(next, "state");
	await tx.done;
	return next;
}
