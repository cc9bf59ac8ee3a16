/**
 * Pushes one notification to every device of a user, exactly once per device however often it
 * runs: each delivery is recorded under the notification's key, and devices already served are
 * skipped. Devices are tried side by side and each on its own: a device the push service says is
 * gone (404/410), or whose endpoint the outbound guard refuses, is removed; one that fails (5xx,
 * network error, timeout) is counted and logged, and never fails the request, the job or the
 * user's other devices.
 */
import type { VapidKeys } from "@block65/webcrypto-web-push";
import { eq } from "drizzle-orm";
import type { PushNotification } from "../../../schema/dto/push";
import { pushDeliveries, pushSubscriptions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import type { OutboundEnv } from "../../lib/outbound-url-guard";
import { sendWebPush } from "../../lib/push/send-web-push";
import { subscriptionsOf } from "./push-subscriptions";

export type PushDeps = { scope: TenantScope; vapid: VapidKeys; outbound: OutboundEnv };
export type PushReport = { delivered: number; removed: number; failed: number; skipped: number; failures: string[] };

export async function pushToUser(
	deps: PushDeps,
	userId: string,
	notificationKey: string,
	notification: PushNotification,
	now = Date.now(),
): Promise<PushReport> {
	const { scope } = deps;
	const [devices, done] = await Promise.all([
		subscriptionsOf(scope, userId),
		scope.db
			.select({ subscriptionId: pushDeliveries.subscriptionId })
			.from(pushDeliveries)
			.where(scope.where(pushDeliveries, eq(pushDeliveries.notificationKey, notificationKey))),
	]);
	const served = new Set(done.map((d) => d.subscriptionId));
	const report: PushReport = { delivered: 0, removed: 0, failed: 0, skipped: served.size, failures: [] };
	const data = JSON.stringify(notification);
	await Promise.all(
		devices
			.filter((device) => !served.has(device.id))
			.map(async (device) => {
				const { outcome, detail } = await sendWebPush(
					{ endpoint: device.endpoint, expirationTime: null, keys: { p256dh: device.p256dh, auth: device.auth } },
					data,
					deps.vapid,
					deps.outbound,
				);
				if (outcome === "delivered") {
					await Promise.all([
						scope.insert(pushDeliveries, { notificationKey, subscriptionId: device.id, deliveredAt: now }).onConflictDoNothing(),
						scope.update(pushSubscriptions, { lastDeliveredAt: now }, eq(pushSubscriptions.id, device.id)),
					]);
					report.delivered += 1;
				} else if (outcome === "gone" || outcome === "refused") {
					await scope.delete(pushSubscriptions, eq(pushSubscriptions.id, device.id));
					report.removed += 1;
				} else {
					report.failed += 1;
					report.failures.push(`${device.id}: ${detail}`);
				}
			}),
	);
	return report;
}
