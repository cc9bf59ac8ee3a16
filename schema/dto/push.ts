/** The Web Push contract: what a browser registers, what the account page lists, what the service worker receives. */
import { z } from "zod";

/** The part of `PushSubscription.toJSON()` Atrium needs, plus a name the user recognises. */
export const PushSubscriptionInput = z
	.strictObject({
		endpoint: z.url({ message: "must be the push service URL the browser gave" }).max(2048, "must be at most 2048 characters"),
		keys: z.strictObject({
			p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "must be the browser's base64url P-256 public key"),
			auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, "must be the browser's base64url auth secret"),
		}),
		deviceLabel: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
	})
	.meta({ id: "PushSubscriptionInput" });
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const PushDevice = z
	.object({
		id: z.string(),
		deviceLabel: z.string(),
		createdAt: z.number().int(),
		lastDeliveredAt: z.number().int().nullable(),
	})
	.meta({ id: "PushDevice" });
export type PushDevice = z.infer<typeof PushDevice>;

export const PushDeviceList = z.object({ devices: z.array(PushDevice) }).meta({ id: "PushDeviceList" });

export const PushConfig = z
	.object({
		/** The VAPID application server key for `pushManager.subscribe`; null when push is not configured. */
		publicKey: z.string().nullable(),
	})
	.meta({ id: "PushConfig" });

/** What the service worker gets in a push message and shows as a notification. */
export const PushNotification = z.object({
	title: z.string(),
	body: z.string(),
	/** A same-origin path the click opens, e.g. `/messages`. */
	url: z.string().startsWith("/"),
	/** Notifications with the same tag replace each other. */
	tag: z.string(),
	/** The agency's name: the notification is shown under it. */
	tenantName: z.string(),
	icon: z.string(),
});
export type PushNotification = z.infer<typeof PushNotification>;

/** `failed`: devices whose push service failed (5xx, unreachable, timed out); they stay registered and the others still receive. */
export const PushTestResult = z
	.object({ delivered: z.number().int(), removed: z.number().int(), failed: z.number().int() })
	.meta({ id: "PushTestResult" });
