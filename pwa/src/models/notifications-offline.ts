/**
 * The notification centre, offline first (loaded with its page only, so the shell stays small): the
 * list reads the device's synced records first and the network refreshes them in the background; a
 * read goes through the outbox, so it works offline and reaches the person's other devices.
 */
import { computed } from "@preact/signals";
import { loadNotifications, markAllNotificationsRead, markNotificationRead, noteReadLocally, notificationList } from "./notifications";
import { notificationsFromStore } from "./notifications-from-store";
import { outbox, queueWrite, records, storeReady, syncNow } from "./sync";

const stored = computed(() => (storeReady.value ? notificationsFromStore(records.value, outbox.value) : []));

/** The synced records when the device holds any, else the network's answer (null while loading). */
export const shownNotifications = computed(() => (stored.value.length > 0 ? stored.value : notificationList.value));

/** Refreshes both the store (sync) and the network list. */
export async function refreshNotifications(): Promise<void> {
	void syncNow();
	await loadNotifications();
}

export async function readNotification(id: string): Promise<void> {
	if (!storeReady.value) return markNotificationRead(id);
	await queueWrite({ type: "notification.read", recordId: id }, "notifications");
	noteReadLocally(id);
}

export async function readAllNotifications(): Promise<void> {
	await markAllNotificationsRead();
	await syncNow();
}
