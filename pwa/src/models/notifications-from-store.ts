/**
 * The notification centre from the device's synced records (offline first): the person's
 * notifications newest first, with a read sent from this device but not yet delivered shown as
 * read at once. Pure, so it is unit-tested (tests/unit/notifications-from-store.test.ts).
 */
import type { NotificationDto } from "../../../schema/dto/notifications";
import type { OutboxEntry, StoredRecord } from "../sync/local-store";

export function notificationsFromStore(records: ReadonlyMap<string, StoredRecord>, outbox: readonly OutboxEntry[]): NotificationDto[] {
	const pendingReads = new Map<string, number>();
	for (const { mutation, createdAt } of outbox) {
		if (mutation.type === "notification.read") pendingReads.set(mutation.recordId, createdAt);
	}
	const out: NotificationDto[] = [];
	for (const stored of records.values()) {
		if (stored.entity !== "notifications") continue;
		const { id, event, title, body, url, createdAt, readAt } = stored.record as NotificationDto;
		out.push({ id, event, title, body, url, createdAt, readAt: readAt ?? pendingReads.get(id) ?? null });
	}
	return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
