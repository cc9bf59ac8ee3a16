/** The notification centre in the app: the person's notifications, the unread count for the badge, and their preferences. */
import { signal } from "@preact/signals";
import type { NotificationDto, NotificationPreferences } from "../../../schema/dto/notifications";
import type { NotificationChannel, NotificationEvent } from "../../../schema/notification-events";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";

export const notificationList = signal<NotificationDto[] | null>(null);
export const notificationsUnread = signal(0);
export const notificationPreferences = signal<NotificationPreferences | null>(null);
export const notificationProblem = signal<string | null>(null);

export async function refreshNotificationCount(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.notifications["unread-count"].$get());
	if (result.ok) notificationsUnread.value = result.value.unreadCount;
}

export async function loadNotifications(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.notifications.$get({ query: { limit: "50" } }));
	if (!result.ok) {
		notificationProblem.value = result.problem.detail;
		return;
	}
	notificationList.value = result.value.notifications;
	notificationsUnread.value = result.value.unreadCount;
}

async function markRead(body: { ids: string[] } | { all: true }): Promise<void> {
	const result = await fetchJson(() => api.api.v1.notifications.read.$post({ json: body }));
	if (!result.ok) {
		notificationProblem.value = result.problem.detail;
		return;
	}
	notificationsUnread.value = result.value.unreadCount;
	const now = Date.now();
	const ids = "ids" in body ? new Set(body.ids) : null;
	notificationList.value = (notificationList.value ?? []).map((n) =>
		n.readAt === null && (!ids || ids.has(n.id)) ? { ...n, readAt: now } : n,
	);
}

export const markNotificationRead = (id: string) => markRead({ ids: [id] });

/** After a read queued in the outbox (models/notifications-offline.ts): the list and badge follow at once. */
export function noteReadLocally(id: string): void {
	if (!(notificationList.value ?? []).some((n) => n.id === id && n.readAt === null)) return;
	notificationsUnread.value = Math.max(0, notificationsUnread.value - 1);
	notificationList.value = (notificationList.value ?? []).map((n) => (n.id === id ? { ...n, readAt: Date.now() } : n));
}
export const markAllNotificationsRead = () => markRead({ all: true });

export async function loadNotificationPreferences(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.notifications.preferences.$get());
	if (result.ok) notificationPreferences.value = result.value;
	else notificationProblem.value = result.problem.detail;
}

export async function setNotificationPreference(event: NotificationEvent, channel: NotificationChannel, enabled: boolean): Promise<void> {
	const result = await fetchJson(() => api.api.v1.notifications.preferences.$put({ json: { changes: [{ event, channel, enabled }] } }));
	if (result.ok) notificationPreferences.value = result.value;
	else notificationProblem.value = result.problem.detail;
}
