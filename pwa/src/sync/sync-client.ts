/**
 * The device side of offline sync, DOM-free so the page and the service worker share it:
 * queue a mutation in the outbox (device sequence number, hybrid logical clock), flush the outbox
 * to POST /api/v1/sync in order, and pull GET /api/v1/sync pages into the local store, one
 * transaction per page (page-plan.ts: a deletion is kept as a tombstone, see newer-records.ts, and a
 * project's, thread's or document's tombstone takes its children with it), keeping the store within
 * its budget. Both requests go through the typed client, so the outbox holds only mutations the
 * wire protocol declares. See docs/OFFLINE-SYNC.md.
 */
import type { SyncEntity, SyncMutationResultT, SyncPageT } from "../../../schema/dto/sync";
import { formatHlc, type Hlc, parseHlc, receiveHlc, tickHlc, zeroHlc } from "../../../schema/hlc";
import { api } from "../api/client";
import { planBatchRefusal, type RefusalPlan } from "./batch-refusal";
import { recordsToEvict } from "./eviction";
import { type LocalStore, type OutboxMutation, readMeta, type StoredRecord, writeMeta } from "./local-store";
import { pageReads, planPage } from "./page-plan";

/** How many synced records a device keeps (records with unsent changes are kept beyond it). */
export const RECORD_BUDGET = 5000;
const BATCH = 100;
const FLUSH_LOCK = "atrium-sync-flush";
const PULL_LOCK = "atrium-sync-pull";

function clockOf(meta: { hlc: string | null; deviceId: string }): Hlc {
	return (meta.hlc && parseHlc(meta.hlc)) || zeroHlc(meta.deviceId);
}

/** A mutation before the outbox numbers and stamps it: one of the wire protocol's kinds, checked field by field. */
export type MutationInput = Unstamped<OutboxMutation>;
type Unstamped<M> = M extends unknown ? Omit<M, "id" | "seq" | "hlc"> : never;

/** Adds a mutation to the outbox; returns it as queued. */
export async function queueMutation(db: LocalStore, input: MutationInput, entity: SyncEntity, now = Date.now()): Promise<OutboxMutation> {
	const meta = await readMeta(db);
	const clock = tickHlc({ ...clockOf(meta), node: meta.deviceId }, now);
	const mutation: OutboxMutation = { ...input, id: crypto.randomUUID(), seq: meta.nextSeq, hlc: formatHlc(clock) };
	const tx = db.transaction(["outbox", "meta"], "readwrite");
	await tx.objectStore("outbox").put({ seq: mutation.seq, mutation, entity, createdAt: now });
	await tx.objectStore("meta").put({ ...meta, nextSeq: meta.nextSeq + 1, hlc: formatHlc(clock) }, "state");
	await tx.done;
	return mutation;
}

async function foldServerClock(db: LocalStore, serverHlc: string): Promise<void> {
	const meta = await readMeta(db);
	const remote = parseHlc(serverHlc);
	if (remote) await writeMeta(db, { hlc: formatHlc(receiveHlc({ ...clockOf(meta), node: meta.deviceId }, remote, Date.now())) });
}

async function storeResult(db: LocalStore, result: SyncMutationResultT): Promise<void> {
	if (!result.entity || !result.record || result.version === null) return;
	const existing = await db.get("records", [result.entity, String(result.record.id)]);
	if (existing && existing.version > result.version) return;
	await db.put("records", {
		entity: result.entity,
		id: String(result.record.id),
		version: result.version,
		record: result.record,
		lastUsedAt: existing?.lastUsedAt ?? Date.now(),
	});
}

/**
 * Whether the user must see a result: a conflict (the server kept its answer), a refusal, or a
 * last-writer-wins loss (a later edit made meanwhile replaced theirs; they may keep theirs).
 * Merged texts are not asked about: both versions are in the text.
 */
export function needsAnswer(result: SyncMutationResultT): boolean {
	return result.outcome === "conflict" || result.outcome === "rejected" || Object.values(result.fields).includes("lww-lost");
}

export type FlushOutcome = { sent: number; conflicts: number; offline: boolean };

/** Sends the outbox, oldest first, until it is empty or the network fails. Safe to call concurrently. */
export async function flushOutbox(db: LocalStore): Promise<FlushOutcome> {
	const run = () => flushUnlocked(db);
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	return locks ? locks.request(FLUSH_LOCK, run) : run();
}

/** Carries out a refused batch's plan in one transaction: refusals to show, the outbox renumbered, maybe a new device id. */
async function applyRefusal(db: LocalStore, plan: RefusalPlan): Promise<void> {
	const tx = db.transaction(["outbox", "conflicts", "meta"], "readwrite");
	const meta = await tx.objectStore("meta").get("state");
	const outbox = tx.objectStore("outbox");
	await outbox.clear();
	for (const entry of plan.outbox) await outbox.put(entry);
	for (const { entry, result } of plan.refused) {
		await tx.objectStore("conflicts").put({ id: entry.mutation.id, mutation: entry.mutation, entity: entry.entity, result });
	}
	if (meta) {
		const deviceId = plan.newDevice ? `dev-${crypto.randomUUID()}` : meta.deviceId;
		await tx.objectStore("meta").put({ ...meta, deviceId, nextSeq: plan.nextSeq ?? meta.nextSeq }, "state");
	}
	await tx.done;
}

async function flushUnlocked(db: LocalStore): Promise<FlushOutcome> {
	const outcome: FlushOutcome = { sent: 0, conflicts: 0, offline: false };
	let mayRenumberDevice = true;
	for (;;) {
		const meta = await readMeta(db);
		const all = await db.getAll("outbox");
		const entries = all.slice(0, BATCH);
		if (entries.length === 0) return outcome;
		let response: Awaited<ReturnType<typeof api.api.v1.sync.$post>>;
		try {
			response = await api.api.v1.sync.$post({ json: { deviceId: meta.deviceId, mutations: entries.map((e) => e.mutation) } });
		} catch {
			return { ...outcome, offline: true };
		}
		if (response.status === 422) {
			// The server refused the batch as a whole: refuse only what it named, keep the rest in order (batch-refusal.ts).
			const plan = planBatchRefusal(entries, all.slice(BATCH), await response.json(), mayRenumberDevice);
			mayRenumberDevice &&= !plan.newDevice;
			await applyRefusal(db, plan);
			outcome.conflicts += plan.refused.length;
			continue;
		}
		if (response.status !== 200) return { ...outcome, offline: response.status >= 500 || response.status === 409 };
		const body = await response.json();
		for (const result of body.results) {
			// By sequence number: it names one entry even if two carried the same mutation id.
			const entry = entries.find((e) => e.seq === result.seq);
			if (!entry) continue;
			await storeResult(db, result);
			if (needsAnswer(result)) {
				await db.put("conflicts", { id: result.id, mutation: entry.mutation, entity: entry.entity, result });
				outcome.conflicts += 1;
			}
			await db.delete("outbox", entry.seq);
			outcome.sent += 1;
		}
		await foldServerClock(db, body.serverHlc);
	}
}

/**
 * Applies one pulled page in one transaction: reads the stored copies it needs, works out the
 * writes (page-plan.ts), then writes them, instead of a transaction per record read and write.
 */
async function applyPage(db: LocalStore, page: SyncPageT, now: number): Promise<void> {
	const tx = db.transaction("records", "readwrite");
	if (page.reset) await tx.store.clear();
	const { keys, childEntities } = pageReads(page.changes);
	const [copies, children] = await Promise.all([
		Promise.all(keys.map((key) => tx.store.get(key))),
		Promise.all(childEntities.map((entity) => tx.store.index("byEntity").getAll(entity))),
	]);
	const stored = [...copies.filter((r): r is StoredRecord => r !== undefined), ...children.flat()];
	const plan = planPage(page.changes, stored, now);
	await Promise.all([...plan.puts.map((record) => tx.store.put(record)), tx.done]);
}

/** Keeps the store within budget: least recently used records go, never those with unsent changes. */
export async function enforceBudget(db: LocalStore, budget = RECORD_BUDGET): Promise<number> {
	const keys = await db.getAllKeys("records");
	if (keys.length <= budget) return 0;
	const all = await db.getAll("records");
	const pinned = new Set((await db.getAll("outbox")).map((e) => `${e.entity}:${e.mutation.recordId}`));
	const evict = recordsToEvict(
		all.map((r) => ({ key: `${r.entity}:${r.id}`, lastUsedAt: r.lastUsedAt })),
		pinned,
		budget,
	);
	for (const key of evict) {
		const [entity, id] = key.split(/:(.*)/s);
		await db.delete("records", [entity ?? "", id ?? ""]);
	}
	return evict.length;
}

/**
 * Pulls every page after the stored cursor into the store. Returns false when offline or refused.
 * One pull per store at a time across tabs: two pulls from the same cursor would write it back out
 * of order and could lay an older page's records over a newer one's.
 */
export async function pullChanges(db: LocalStore): Promise<boolean> {
	const run = () => pullUnlocked(db);
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	return locks ? locks.request(`${PULL_LOCK}:${db.name}`, run) : run();
}

async function pullUnlocked(db: LocalStore): Promise<boolean> {
	for (;;) {
		const meta = await readMeta(db);
		const query = { limit: "200", ...(meta.cursor ? { cursor: meta.cursor } : {}) };
		let page: SyncPageT;
		try {
			const response = await api.api.v1.sync.$get({ query }, { init: { credentials: "same-origin", cache: "no-store" } });
			if (response.status === 422 && meta.cursor) {
				await writeMeta(db, { cursor: null });
				continue;
			}
			if (response.status !== 200) return false;
			page = await response.json();
		} catch {
			return false;
		}
		const now = Date.now();
		await applyPage(db, page, now);
		await writeMeta(db, { cursor: page.nextCursor, lastSyncAt: now });
		await foldServerClock(db, page.serverHlc);
		if (!page.hasMore) break;
	}
	await enforceBudget(db);
	return true;
}
