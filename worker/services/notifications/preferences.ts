/**
 * A person's notification preferences: every event × channel, on unless they turned it off. Read by
 * the notify service before anything is sent, so a turned-off channel is never used.
 */
import { and, eq, sql } from "drizzle-orm";
import { notificationPreferences } from "../../../schema/index";
import {
	DEFAULT_CHANNEL_ON,
	NOTIFICATION_CHANNELS,
	NOTIFICATION_EVENTS,
	type NotificationChannel,
	type NotificationEvent,
} from "../../../schema/notification-events";
import type { TenantScope } from "../../lib/db";

export type PreferenceMatrix = Record<NotificationEvent, Record<NotificationChannel, boolean>>;

export async function preferencesOf(scope: TenantScope, userId: string): Promise<PreferenceMatrix> {
	const rows = await scope.db
		.select()
		.from(notificationPreferences)
		.where(scope.where(notificationPreferences, eq(notificationPreferences.userId, userId)));
	const matrix = Object.fromEntries(
		NOTIFICATION_EVENTS.map((event) => [
			event,
			Object.fromEntries(NOTIFICATION_CHANNELS.map((channel) => [channel, DEFAULT_CHANNEL_ON[channel]])),
		]),
	) as PreferenceMatrix;
	for (const row of rows) matrix[row.event][row.channel] = row.enabled;
	return matrix;
}

/** Whether `userId` wants `event` on `channel`. */
export async function wants(scope: TenantScope, userId: string, event: NotificationEvent, channel: NotificationChannel): Promise<boolean> {
	const [row] = await scope.db
		.select({ enabled: notificationPreferences.enabled })
		.from(notificationPreferences)
		.where(
			scope.where(
				notificationPreferences,
				and(
					eq(notificationPreferences.userId, userId),
					eq(notificationPreferences.event, event),
					eq(notificationPreferences.channel, channel),
				),
			),
		)
		.limit(1);
	return row?.enabled ?? DEFAULT_CHANNEL_ON[channel];
}

export type PreferenceChange = { event: NotificationEvent; channel: NotificationChannel; enabled: boolean };

/** Saves each change in one statement (a later change of the same event and channel wins). */
export async function savePreferences(
	scope: TenantScope,
	userId: string,
	changes: readonly PreferenceChange[],
	now = Date.now(),
): Promise<void> {
	const latest = new Map(changes.map((change) => [`${change.event}:${change.channel}`, change]));
	if (latest.size === 0) return;
	await scope.db
		.insert(notificationPreferences)
		.values([...latest.values()].map((change) => ({ tenantId: scope.tenantId, userId, ...change, updatedAt: now })))
		.onConflictDoUpdate({
			target: [
				notificationPreferences.tenantId,
				notificationPreferences.userId,
				notificationPreferences.event,
				notificationPreferences.channel,
			],
			set: { enabled: sql`excluded.enabled`, updatedAt: now },
		});
}
