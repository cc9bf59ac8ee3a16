/** Test helper: a device subscribed at the local push service (web-push-testing), registered with Atrium, and what it received. */
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import type { Bindings } from "../../worker/env";
import { call } from "../support/http";

export const pushService = inject("pushServiceUrl");
export const { VAPID_PUBLIC_KEY } = env as Bindings;

export type Subscribed = { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string };
export type ReceivedPush = { title: string; body: string; url: string; tenantName: string; icon: string };

/** What a browser's `pushManager.subscribe` does: a new subscription at the push service for Atrium's key. */
export async function subscribeDevice(): Promise<Subscribed> {
	const res = await fetch(`${pushService}/subscribe`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify({ userVisibleOnly: "true", applicationServerKey: VAPID_PUBLIC_KEY }),
	});
	if (!res.ok) throw new Error(`push service subscribe failed: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { data: Subscribed }).data;
}

/** The decrypted payloads the push service received for a device. */
export async function received(device: Subscribed): Promise<ReceivedPush[]> {
	const res = await fetch(`${pushService}/get-notifications`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify({ clientHash: device.clientHash }),
	});
	const messages = ((await res.json()) as { data: { messages: string[] } }).data.messages;
	return messages.map((m) => JSON.parse(m));
}

/** Registers the device for the signed-in member, as the PWA does after subscribing. */
export function register(host: string, cookie: string, device: Subscribed, deviceLabel = "Chrome on Android") {
	return call(host, "/api/v1/push/subscriptions", { cookie, body: { endpoint: device.endpoint, keys: device.keys, deviceLabel } });
}
