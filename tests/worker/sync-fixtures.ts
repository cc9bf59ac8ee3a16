/** Helpers for sync tests: pull every page of the change feed, and push a device's outbox batch. */
import type { SyncChangeT, SyncMutationResultT, SyncPageT } from "../../schema/dto/sync";
import { formatHlc } from "../../schema/hlc";
import { call } from "../support/http";
import { json } from "./portal-fixtures";

export type Feed = { changes: SyncChangeT[]; cursor: string; pages: number; reset: boolean };

/** Every page after `cursor` (a first fill without), `limit` per page. */
export async function pullAll(host: string, cookie: string, cursor?: string, limit = 200): Promise<Feed> {
	const changes: SyncChangeT[] = [];
	let next = cursor;
	let pages = 0;
	let reset = false;
	for (;;) {
		const query = new URLSearchParams({ limit: String(limit), ...(next ? { cursor: next } : {}) });
		const page = await json<SyncPageT>(call(host, `/api/v1/sync?${query}`, { cookie }));
		pages += 1;
		reset ||= page.reset;
		changes.push(...page.changes);
		next = page.nextCursor;
		if (!page.hasMore) return { changes, cursor: next, pages, reset };
	}
}

/** The live records of `entity` in a feed, latest version of each, by id. */
export function recordsOf(feed: Feed, entity: SyncChangeT["entity"]): Map<string, Record<string, unknown> | null> {
	const out = new Map<string, Record<string, unknown> | null>();
	for (const c of feed.changes) if (c.entity === entity) out.set(c.id, c.record);
	return out;
}

export function hlcAt(wall: number, node = "device-a", counter = 0): string {
	return formatHlc({ wall, counter, node });
}

export function push(host: string, cookie: string, deviceId: string, mutations: Record<string, unknown>[]) {
	return call(host, "/api/v1/sync", { cookie, body: { deviceId, mutations } });
}

export async function pushOk(host: string, cookie: string, deviceId: string, mutations: Record<string, unknown>[]) {
	return (await json<{ results: SyncMutationResultT[]; serverHlc: string }>(push(host, cookie, deviceId, mutations))).results;
}

/** A mutation with a fresh id at device seq `seq`, stamped now unless `hlc` is given. */
export function mutation(seq: number, type: string, recordId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
	return { id: crypto.randomUUID(), seq, hlc: hlcAt(Date.now()), type, recordId, ...extra };
}
