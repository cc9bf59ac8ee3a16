/** A user's push subscriptions on this tenant: register (or refresh) a device, list, remove. */
import { and, asc, eq } from "drizzle-orm";
import type { PushDevice, PushSubscriptionInput } from "../../../schema/dto/push";
import { pushSubscriptions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";

const deviceColumns = {
	id: pushSubscriptions.id,
	deviceLabel: pushSubscriptions.deviceLabel,
	createdAt: pushSubscriptions.createdAt,
	lastDeliveredAt: pushSubscriptions.lastDeliveredAt,
};

/** Saves the browser's subscription for `userId`; the same endpoint again replaces the earlier row (keys rotate). */
export async function saveSubscription(
	scope: TenantScope,
	userId: string,
	input: PushSubscriptionInput,
	now = Date.now(),
): Promise<PushDevice> {
	const [row] = await scope
		.insert(pushSubscriptions, {
			id: newId(now),
			userId,
			endpoint: input.endpoint,
			p256dh: input.keys.p256dh,
			auth: input.keys.auth,
			deviceLabel: input.deviceLabel,
			createdAt: now,
		})
		.onConflictDoUpdate({
			target: [pushSubscriptions.tenantId, pushSubscriptions.endpoint],
			set: { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, deviceLabel: input.deviceLabel },
		})
		.returning(deviceColumns);
	if (!row) throw new Error("saving a push subscription returned no row");
	return row;
}

export async function listDevices(scope: TenantScope, userId: string): Promise<PushDevice[]> {
	return scope.db
		.select(deviceColumns)
		.from(pushSubscriptions)
		.where(scope.where(pushSubscriptions, eq(pushSubscriptions.userId, userId)))
		.orderBy(asc(pushSubscriptions.createdAt));
}

/** Removes one of the user's devices; false when it is not theirs (or not there). */
export async function removeDevice(scope: TenantScope, userId: string, id: string): Promise<boolean> {
	const removed = await scope
		.delete(pushSubscriptions, and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
		.returning({ id: pushSubscriptions.id });
	return removed.length > 0;
}

export async function subscriptionsOf(scope: TenantScope, userId: string) {
	return scope.db
		.select()
		.from(pushSubscriptions)
		.where(scope.where(pushSubscriptions, eq(pushSubscriptions.userId, userId)));
}
