/// <reference lib="webworker" />
/**
 * The service worker's side of push: a push message becomes a notification under the agency's
 * name and icon; a click focuses an open window of the app on the notification's page, or opens one.
 */
import type { PushNotification } from "../../schema/dto/push";

/** The payload the Worker sends, or a plain fallback when a push carries something else. */
export function readPushPayload(text: string | null): PushNotification {
	const fallback: PushNotification = {
		title: "New activity",
		body: "Open the app to see what changed.",
		url: "/",
		tag: "atrium",
		tenantName: "",
		icon: "/icons/icon-192.png",
	};
	if (!text) return fallback;
	try {
		const value = JSON.parse(text) as Partial<PushNotification>;
		return {
			title: typeof value.title === "string" ? value.title : fallback.title,
			body: typeof value.body === "string" ? value.body : fallback.body,
			url: typeof value.url === "string" && value.url.startsWith("/") && !value.url.startsWith("//") ? value.url : "/",
			tag: typeof value.tag === "string" ? value.tag : fallback.tag,
			tenantName: typeof value.tenantName === "string" ? value.tenantName : "",
			icon: typeof value.icon === "string" && value.icon.startsWith("/") ? value.icon : fallback.icon,
		};
	} catch {
		return fallback;
	}
}

/** Title and options of the notification shown for a payload: the agency's name first. */
export function notificationFor(payload: PushNotification): { title: string; options: NotificationOptions } {
	return {
		title: payload.tenantName ? `${payload.tenantName} · ${payload.title}` : payload.title,
		options: { body: payload.body, icon: payload.icon, badge: payload.icon, tag: payload.tag, data: { url: payload.url } },
	};
}

export function registerPushHandlers(worker: ServiceWorkerGlobalScope): void {
	worker.addEventListener("push", (event: PushEvent) => {
		const { title, options } = notificationFor(readPushPayload(event.data?.text() ?? null));
		event.waitUntil(worker.registration.showNotification(title, options));
	});

	worker.addEventListener("notificationclick", (event: NotificationEvent) => {
		event.notification.close();
		const data = event.notification.data as { url?: unknown } | null;
		const target = new URL(typeof data?.url === "string" ? data.url : "/", worker.location.origin).href;
		event.waitUntil(
			(async () => {
				const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
				const open = windows.find((client) => new URL(client.url).origin === worker.location.origin);
				if (open) {
					await open.focus();
					await open.navigate(target);
					return;
				}
				await worker.clients.openWindow(target);
			})(),
		);
	});
}
