/**
 * The shared store-first rule (pwa/src/sync/newer-records.ts) every offline page uses: a newer
 * network record wins over a lagging store copy, an older one never overwrites a newer synced
 * record, and a record the store knows was deleted stays deleted.
 */
import { describe, expect, it } from "vitest";
import type { StoredRecord } from "../../pwa/src/sync/local-store";
import { type NetworkRecord, withNewerRecords } from "../../pwa/src/sync/newer-records";

const thread = (id: string, subject: string, updatedAt: number) => ({ id, subject, createdAt: 1, updatedAt, deletedAt: null });

function stored(entity: StoredRecord["entity"], record: { id: string }, version: number): [string, StoredRecord] {
	return [`${entity}:${record.id}`, { entity, id: record.id, version, lastUsedAt: 0, record: { ...record } }];
}

const store = new Map([
	stored("message_threads", thread("t1", "Old subject on the device", 10), 3),
	stored("message_threads", thread("t2", "Renamed on the device", 50), 8),
]);
const asNetwork = (record: NetworkRecord["record"]): NetworkRecord => ({ entity: "message_threads", record });
const subjects = (records: ReadonlyMap<string, StoredRecord>) =>
	Object.fromEntries([...records.values()].map((r) => [r.id, (r.record as { subject: string }).subject]));

describe("store first, newer network records on top", () => {
	it("shows a newer network record over a lagging store copy, keeping the store's version", () => {
		const merged = withNewerRecords(store, new Set(), [asNetwork(thread("t1", "New subject from the server", 20))]);
		expect(subjects(merged).t1).toBe("New subject from the server");
		expect(merged.get("message_threads:t1")?.version).toBe(3);
	});

	it("never lets an older network record overwrite a newer synced one", () => {
		const merged = withNewerRecords(store, new Set(), [asNetwork(thread("t2", "Older name from the server", 40))]);
		expect(subjects(merged).t2).toBe("Renamed on the device");
	});

	it("adds a record only the network knows yet, with no version", () => {
		const merged = withNewerRecords(store, new Set(), [asNetwork(thread("t3", "Brand new", 60))]);
		expect(subjects(merged).t3).toBe("Brand new");
		expect(merged.get("message_threads:t3")?.version).toBe(-1);
	});

	it("never brings back a record the store knows was deleted (tombstone)", () => {
		const merged = withNewerRecords(store, new Set(["message_threads:t4"]), [asNetwork(thread("t4", "Deleted since", 99))]);
		expect(merged.has("message_threads:t4")).toBe(false);
	});

	it("takes a record off when a newer network answer says it was deleted, not when an older one does", () => {
		const newer = withNewerRecords(store, new Set(), [asNetwork({ ...thread("t1", "Gone", 30), deletedAt: 30 })]);
		expect(newer.has("message_threads:t1")).toBe(false);
		const older = withNewerRecords(store, new Set(), [asNetwork({ ...thread("t2", "Gone", 30), deletedAt: 30 })]);
		expect(subjects(older).t2).toBe("Renamed on the device");
	});

	it("orders records without an update time (notifications) by when they were read", () => {
		const unread = { id: "n1", title: "Hi", createdAt: 5, readAt: null };
		const local = new Map([stored("notifications", unread, 2)]);
		const read = { ...unread, readAt: 9 };
		const merged = withNewerRecords(local, new Set(), [{ entity: "notifications", record: read }]);
		expect(merged.get("notifications:n1")?.record.readAt).toBe(9);
		const back = withNewerRecords(new Map([stored("notifications", read, 3)]), new Set(), [{ entity: "notifications", record: unread }]);
		expect(back.get("notifications:n1")?.record.readAt).toBe(9);
	});

	it("leaves the store itself untouched", () => {
		withNewerRecords(store, new Set(), [asNetwork(thread("t1", "New", 20)), asNetwork(thread("t5", "Added", 20))]);
		expect(subjects(store)).toEqual({ t1: "Old subject on the device", t2: "Renamed on the device" });
	});
});
