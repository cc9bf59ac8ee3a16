/**
 * Offline sync in the page: opens the signed-in user's IndexedDB store, pulls changes on start,
 * when the device comes back online and after writes, flushes the outbox (the `online` event, and
 * Background Sync in the service worker where the browser has it), and exposes the store's records
 * and pending writes as signals for the pages; pinned documents' copies follow newer versions.
 * Signing out wipes the user's store.
 */
import { batch, effect, type ReadonlySignal, signal } from "@preact/signals";
import type { MeResponse } from "../../../schema/dto/auth";
import type { SyncEntity } from "../../../schema/dto/sync";
import { whenIdle } from "../lib/when-idle";
import { OUTBOX_SYNC_TAG } from "../sync/background-sync";
import {
	type ConflictEntry,
	type LocalStore,
	type OutboxEntry,
	openLocalStore,
	type StoredRecord,
	setActiveStore,
	storeName,
	wipeLocalStore,
} from "../sync/local-store";
import { forgetPinnedDocuments } from "../sync/pinned-documents";
import { flushOutbox, pullChanges, queueMutation } from "../sync/sync-client";
import { createSyncRunner } from "../sync/sync-runner";
import { online } from "./connectivity";
import { refreshPinnedCopies, type SyncedDocument } from "./pinned-documents";
import { conflictCount, lastSyncAt, pendingCount } from "./sync-status";

/** Every synced record of the store, by `entity:id`; re-read after each change. */
export const records = signal<ReadonlyMap<string, StoredRecord>>(new Map());
/** The `entity:id` of records the store knows were deleted (never brought back by an older network answer). */
export const tombstones = signal<ReadonlySet<string>>(new Set());
export const outbox = signal<readonly OutboxEntry[]>([]);
export const conflicts = signal<readonly ConflictEntry[]>([]);
/** True once the store has been read (possibly empty). */
export const storeReady = signal(false);

let db: LocalStore | null = null;
let dbName: string | null = null;

async function refreshSignals(): Promise<void> {
	if (!db) return;
	const [all, queued, open, meta] = await Promise.all([
		db.getAll("records"),
		db.getAll("outbox"),
		db.getAll("conflicts"),
		db.get("meta", "state"),
	]);
	// One update for the pages, not one per signal.
	batch(() => {
		records.value = new Map(all.filter((r) => !r.deleted).map((r) => [`${r.entity}:${r.id}`, r]));
		tombstones.value = new Set(all.filter((r) => r.deleted).map((r) => `${r.entity}:${r.id}`));
		outbox.value = queued;
		conflicts.value = open;
		pendingCount.value = queued.length;
		conflictCount.value = open.length;
		lastSyncAt.value = meta?.lastSyncAt ?? null;
		storeReady.value = true;
	});
	if (online.value)
		void refreshPinnedCopies(all.filter((r) => r.entity === "documents" && !r.deleted).map((r) => r.record as SyncedDocument));
}

async function openFor(tenantId: string, userId: string): Promise<void> {
	const name = storeName(tenantId, userId);
	if (dbName === name) return;
	db?.close();
	dbName = name;
	db = await openLocalStore(name);
	await setActiveStore(name);
	await refreshSignals();
	// The first pull waits until the page has rendered; a page that needs it sooner asks for it.
	whenIdle(() => void syncNow());
}

/**
 * Sends the outbox, then pulls what changed. A run with no store open does nothing and says so;
 * errors are reported, never thrown (a caller waiting with Promise.all keeps its network answer).
 */
async function syncOnce(): Promise<boolean> {
	const store = db;
	if (!store) return false;
	try {
		await flushOutbox(store);
		return await pullChanges(store);
	} finally {
		if (db === store) await refreshSignals();
	}
}

/**
 * Syncs; resolves true when a pull that started after this call reached the end of the change log.
 * One run at a time: a call during a run is answered by one more run after it.
 */
export const syncNow = createSyncRunner(syncOnce, false, (error) => console.warn("sync failed", error));

async function registerBackgroundSync(): Promise<void> {
	const registration = await navigator.serviceWorker?.ready.catch(() => null);
	const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | null)?.sync;
	await sync?.register(OUTBOX_SYNC_TAG).catch(() => undefined);
}

/** Queues a write; it is sent at once when online, else when the device reconnects. */
export async function queueWrite(input: Parameters<typeof queueMutation>[1], entity: SyncEntity): Promise<void> {
	if (!db) return;
	await queueMutation(db, input, entity);
	await refreshSignals();
	if (online.value) void syncNow();
	else void registerBackgroundSync();
}

/** The user's answer to a conflict: keep mine (send again on the server's version) or take theirs (drop mine). */
export async function resolveConflict(id: string, choice: "mine" | "theirs"): Promise<void> {
	if (!db) return;
	const entry = await db.get("conflicts", id);
	if (!entry) return;
	await db.delete("conflicts", id);
	if (choice === "mine" && entry.result.record) {
		const server = entry.result.record;
		const { id: _id, seq: _seq, hlc: _hlc, ...rest } = entry.mutation;
		const base = Object.fromEntries(Object.keys(entry.mutation.base ?? {}).map((f) => [f, (server[f] ?? null) as string | number | null]));
		await queueWrite({ ...rest, baseVersion: entry.result.version ?? undefined, base }, entry.entity);
		return;
	}
	await refreshSignals();
}

/** Keeps a network answer on the device for offline use (signing out deletes it with the store). */
export async function keepExtras(key: string, value: unknown): Promise<void> {
	await db?.put("extras", value, key);
}

/** A network answer kept on the device, if any. */
export async function keptExtras<T>(key: string): Promise<T | undefined> {
	return (await db?.get("extras", key)) as T | undefined;
}

/** Marks records as just used (the storage budget evicts the least recently used). */
export async function touch(keys: [SyncEntity, string][]): Promise<void> {
	if (!db) return;
	const tx = db.transaction("records", "readwrite");
	const now = Date.now();
	for (const key of keys) {
		const row = await tx.store.get(key);
		if (row) await tx.store.put({ ...row, lastUsedAt: now });
	}
	await tx.done;
}

/** Deletes the signed-in user's offline data (sign-out): the store and the pinned documents. */
export async function wipeOfflineData(): Promise<void> {
	const name = dbName;
	db?.close();
	db = null;
	dbName = null;
	records.value = new Map();
	tombstones.value = new Set();
	outbox.value = [];
	conflicts.value = [];
	pendingCount.value = 0;
	conflictCount.value = 0;
	lastSyncAt.value = null;
	storeReady.value = false;
	await setActiveStore(null);
	if (name) await wipeLocalStore(name);
	await forgetPinnedDocuments().catch(() => undefined);
}

/**
 * Follows the signed-in user (`me`, the session's signal: passed in, because the session imports this
 * module to wipe the store at sign-out): opens their store, syncs when back online and when the
 * service worker asks.
 */
export function watchSync(me: ReadonlySignal<MeResponse | null>): void {
	effect(() => {
		const user = me.value;
		if (user) void openFor(user.tenant.id, user.user.id);
	});
	window.addEventListener("online", () => void syncNow());
	navigator.serviceWorker?.addEventListener("message", (event: MessageEvent) => {
		if ((event.data as { type?: string } | null)?.type === "SYNC_DONE") void refreshSignals();
	});
}
