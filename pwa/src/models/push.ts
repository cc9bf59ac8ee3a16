/**
 * Push notifications on this device, as signals: whether the browser can, what the user allowed,
 * the devices of the account, and the actions behind the account page's buttons. The browser asks
 * for permission only when the user presses "Turn on", never on its own.
 */
import { signal } from "@preact/signals";
import type { PushDevice } from "../../../schema/dto/push";
import { api } from "../api/client";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";
import { deviceLabel } from "../lib/device-label";

export const pushSupported =
	typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

export const pushDevices = signal<PushDevice[]>([]);
export const pushPublicKey = signal<string | null>(null);
export const pushPermission = signal<NotificationPermission>(pushSupported ? Notification.permission : "denied");
export const pushProblem = signal<ProblemView | null>(null);
export const pushMessage = signal<string | null>(null);
export const pushBusy = signal(false);

function problem(detail: string): ProblemView {
	return { title: "Notifications", detail, status: 0, fields: {}, retryAfterSeconds: null };
}

export async function loadPush(): Promise<void> {
	pushProblem.value = null;
	const [config, devices] = await Promise.all([
		send(() => api.api.v1.push.config.$get()),
		send(() => api.api.v1.push.subscriptions.$get()),
	]);
	if (config.ok && config.value.status === 200) pushPublicKey.value = (await config.value.json()).publicKey;
	if (devices.ok && devices.value.status === 200) pushDevices.value = (await devices.value.json()).devices;
	if (!config.ok) pushProblem.value = config.problem;
	else if (!devices.ok) pushProblem.value = devices.problem;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
	const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Asks for permission, subscribes this browser at its push service and registers it with the agency. */
export async function turnOnPush(): Promise<void> {
	const publicKey = pushPublicKey.value;
	if (!pushSupported || !publicKey) return;
	pushBusy.value = true;
	pushProblem.value = null;
	pushMessage.value = null;
	try {
		pushPermission.value = await Notification.requestPermission();
		if (pushPermission.value !== "granted") {
			pushProblem.value = problem("Notifications are blocked for this site. Allow them in your browser's site settings, then try again.");
			return;
		}
		const registration = await navigator.serviceWorker.ready;
		let subscription: PushSubscription;
		try {
			subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
		} catch {
			pushProblem.value = problem("This browser could not reach its push service. Check your connection and try again.");
			return;
		}
		const json = subscription.toJSON();
		const result = await send(() =>
			api.api.v1.push.subscriptions.$post({
				json: {
					endpoint: subscription.endpoint,
					keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
					deviceLabel: deviceLabel(navigator.userAgent),
				},
			}),
		);
		if (!result.ok) {
			pushProblem.value = result.problem;
			return;
		}
		pushMessage.value = "Notifications are on for this device.";
		await loadPush();
	} finally {
		pushBusy.value = false;
	}
}

export async function removePushDevice(id: string): Promise<void> {
	const result = await send(() => api.api.v1.push.subscriptions[":id"].$delete({ param: { id } }));
	if (!result.ok) {
		pushProblem.value = result.problem;
		return;
	}
	pushDevices.value = pushDevices.value.filter((d) => d.id !== id);
	pushMessage.value = "That device will get no more notifications.";
}

export async function sendTestPush(): Promise<void> {
	pushBusy.value = true;
	pushProblem.value = null;
	const result = await send(() => api.api.v1.push.test.$post());
	pushBusy.value = false;
	if (!result.ok) {
		pushProblem.value = result.problem;
		return;
	}
	if (result.value.status !== 200) return;
	const { delivered } = await result.value.json();
	pushMessage.value =
		delivered === 1 ? "A test notification is on its way to 1 device." : `A test notification is on its way to ${delivered} devices.`;
}
