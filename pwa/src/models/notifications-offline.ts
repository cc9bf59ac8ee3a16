/**
 * The notification centre, offline first (loaded with its page only, so the shell stays small): the
 * list reads the device's synced records first and the network refreshes them in the background
 * (newer network records laid over the store); a
 * read goes through the outbox, so it works offline and reaches the person's other devices.
 */
import { computed } from "@preact/signals";
import type { NotificationDto } from "../../../schema/dto/notifications";
import { OFFLINE_PROBLEM } from "../api/problem";
import { loadNotifications, markAllNotificationsRead, markNotificationRead, noteReadLocally, notificationList } from "./notifications";
import { notificationsFromStore } from "./notifications-from-store";
import { storeFirst } from "./store-first";
import { outbox, queueWrite, storeReady, syncNow } from "./sync";

/** The store first, the network's list laid over it where newer (models/store-first.ts). */
const view = storeFirst<NotificationDto[]>((list) => list.map((record) => ({ entity: "notifications", record })));
const stored = computed(() => notificationsFromStore(view.records.value, outbox.value));

/** The synced records (with newer network ones laid over them) when there are any, else the network's answer (null while loading). */
export const shownNotifications = computed(() => (stored.value.length > 0 ? stored.value : notificationList.value));

/** Refreshes both the store (sync) and the network list. */
export async function refreshNotifications(): Promise<void> {
	await view.load(async () => {
		await loadNotifications();
		const list = notificationList.value;
		return list ? { ok: true as const, value: list } : { ok: false as const, problem: OFFLINE_PROBLEM };
	});
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
