/** The notification centre read from the device's synced records: newest first, only notifications, an unsent read shown at once. */
import { describe, expect, it } from "vitest";
import { notificationsFromStore } from "../../pwa/src/models/notifications-from-store";
import type { OutboxEntry, StoredRecord } from "../../pwa/src/sync/local-store";

function stored(entity: StoredRecord["entity"], id: string, record: Record<string, unknown>): [string, StoredRecord] {
	return [`${entity}:${id}`, { entity, id, version: 1, lastUsedAt: 0, record: { id, ...record } }];
}
const notice = (createdAt: number, readAt: number | null) => ({
	event: "deliverable_added",
	title: `at ${createdAt}`,
	body: "",
	url: "/",
	createdAt,
	readAt,
	read: readAt !== null,
});

describe("notifications from the store", () => {
	it("lists the person's notifications newest first and nothing else", () => {
		const records = new Map([
			stored("notifications", "a", notice(10, null)),
			stored("notifications", "b", notice(30, 31)),
			stored("tasks", "t", { title: "not a notification", createdAt: 50 }),
		]);
		expect(notificationsFromStore(records, []).map((n) => [n.id, n.readAt])).toEqual([
			["b", 31],
			["a", null],
		]);
	});

	it("shows a read still waiting in the outbox as read", () => {
		const records = new Map([stored("notifications", "a", notice(10, null))]);
		const pending: OutboxEntry = {
			seq: 1,
			entity: "notifications",
			createdAt: 99,
			mutation: { id: "m", seq: 1, hlc: "", type: "notification.read", recordId: "a" },
		};
		expect(notificationsFromStore(records, [pending])[0]?.readAt).toBe(99);
	});
});
