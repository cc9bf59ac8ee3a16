/** A thread's messages from the device's store: synced, live and unsent ones each shown once, oldest first; threads by latest activity. */
import { describe, expect, it } from "vitest";
import { threadMessages, threadsFromStore } from "../../pwa/src/models/thread-from-store";
import type { ConflictEntry, OutboxEntry, StoredRecord } from "../../pwa/src/sync/local-store";
import type { MessageDtoT } from "../../schema/dto/messaging";

function stored(entity: StoredRecord["entity"], id: string, record: Record<string, unknown>): [string, StoredRecord] {
	return [`${entity}:${id}`, { entity, id, version: 1, lastUsedAt: 0, record: { id, ...record } }];
}
const message = (id: string, threadId: string, createdAt: number): MessageDtoT => ({
	id,
	threadId,
	authorUserId: "u-other",
	authorName: "Other",
	body: `body ${id}`,
	createdAt,
	updatedAt: createdAt,
	editedAt: null,
	deletedAt: null,
	attachment: null,
});
const send = (seq: number, recordId: string, threadId: string, createdAt: number): OutboxEntry => ({
	seq,
	entity: "thread_messages",
	createdAt,
	mutation: { id: `m${seq}`, seq, hlc: "", type: "message.send", recordId, changes: { threadId, body: `unsent ${recordId}` } },
});
const me = { userId: "u-me", name: "Me" };

describe("thread messages from the store", () => {
	it("merges synced, live and unsent messages once each, oldest first, only of this thread", () => {
		const records = new Map([
			stored("thread_messages", "a", message("a", "t1", 10)),
			stored("thread_messages", "x", message("x", "t2", 5)),
			stored("message_threads", "t1", { subject: "Hi", lastMessageAt: 10 }),
		]);
		const live = [message("a", "t1", 10), message("b", "t1", 20)];
		const shown = threadMessages(records, [send(1, "c", "t1", 30), send(2, "b", "t1", 25), send(3, "y", "t2", 1)], live, "t1", me);
		expect(shown.map((m) => [m.id, m.pending])).toEqual([
			["a", false],
			["b", false],
			["c", true],
		]);
		expect(shown[2]).toMatchObject({ authorUserId: "u-me", authorName: "Me", body: "unsent c" });
	});

	it("shows a message the server refused as not sent, with why, where it was written, until dismissed", () => {
		const refusedSend = send(4, "r", "t1", 0).mutation;
		const refused: ConflictEntry = {
			id: refusedSend.id,
			entity: "thread_messages",
			mutation: { ...refusedSend, hlc: "000000000000015:00000:dev-a" },
			result: {
				id: refusedSend.id,
				seq: 4,
				outcome: "rejected",
				fields: {},
				entity: null,
				version: null,
				record: null,
				problem: { status: 409, detail: "id is already used by another record" },
			},
		};
		const records = new Map([stored("thread_messages", "a", message("a", "t1", 10))]);
		const shown = threadMessages(records, [send(5, "c", "t1", 30)], [message("b", "t1", 20)], "t1", me, [refused]);
		expect(shown.map((m) => [m.id, m.pending, m.refused?.detail ?? null])).toEqual([
			["a", false, null],
			["r", false, "id is already used by another record"],
			["b", false, null],
			["c", true, null],
		]);
		expect(shown[1]).toMatchObject({ body: "unsent r", authorUserId: "u-me", refused: { conflictId: refusedSend.id } });
		// Of another thread, or not a refusal: not shown here.
		expect(threadMessages(records, [], [], "t2", me, [refused])).toEqual([]);
	});

	it("lists threads by latest activity with the network's unread counts", () => {
		const records = new Map([
			stored("message_threads", "old", { subject: "Old", lastMessageAt: 1 }),
			stored("message_threads", "new", { subject: "New", lastMessageAt: 9 }),
			stored("tasks", "t", { title: "not a thread" }),
		]);
		expect(threadsFromStore(records, new Map([["old", 2]])).map((t) => [t.id, t.unreadCount])).toEqual([
			["new", 0],
			["old", 2],
		]);
	});
});
