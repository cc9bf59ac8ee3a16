/**
 * Pushes one notification to every device of a user, exactly once per device however often it
 * runs: each delivery is recorded under the notification's key, and devices already served are
 * skipped. A device the push service says is gone (404/410) is removed. Any other failure is
 * thrown after the other devices were tried, so the job retries only what is left.
 */
import type { VapidKeys } from "@block65/webcrypto-web-push";
import { and, eq } from "drizzle-orm";
import type { PushNotification } from "../../../schema/dto/push";
import { pushDeliveries, pushSubscriptions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { isAllowedPushEndpoint, sendWebPush } from "../../lib/push/send-web-push";
import { subscriptionsOf } from "./push-subscriptions";

export type PushDeps = { scope: TenantScope; vapid: VapidKeys; development: boolean };
export type PushReport = { delivered: number; removed: number; skipped: number };

export class PushDeliveryError extends Error {}

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
	const report: PushReport = { delivered: 0, removed: 0, skipped: served.size };
	const failures: string[] = [];
	const data = JSON.stringify(notification);
	for (const device of devices) {
		if (served.has(device.id)) continue;
		if (!isAllowedPushEndpoint(device.endpoint, deps.development)) {
			await scope.delete(pushSubscriptions, eq(pushSubscriptions.id, device.id));
			report.removed += 1;
			continue;
		}
		const { outcome, status } = await sendWebPush(
			{ endpoint: device.endpoint, expirationTime: null, keys: { p256dh: device.p256dh, auth: device.auth } },
			data,
			deps.vapid,
		);
		if (outcome === "delivered") {
			await Promise.all([
				scope.insert(pushDeliveries, { notificationKey, subscriptionId: device.id, deliveredAt: now }).onConflictDoNothing(),
				scope.update(pushSubscriptions, { lastDeliveredAt: now }, eq(pushSubscriptions.id, device.id)),
			]);
			report.delivered += 1;
		} else if (outcome === "gone") {
			await scope.delete(pushSubscriptions, and(eq(pushSubscriptions.id, device.id)));
			report.removed += 1;
		} else {
			failures.push(`${device.id}: push service answered ${status}`);
		}
	}
	if (failures.length > 0) throw new PushDeliveryError(`push failed for ${failures.length} device(s): ${failures.join("; ")}`);
	return report;
}
