/**
 * Sync source: a person's own notifications (no client: only their owner receives them, and their
 * tombstones). Read state travels both ways: a read on another device arrives as a change, and a
 * `notification.read` from the outbox marks it read through the notification centre's service.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type NotificationRow, notifications } from "../../../../schema/index";
import { markRead } from "../../notifications/inbox";
import type { MutationHandler, SyncSourceParts } from "../source";

function toRecord({ id, event, title, body, url, createdAt, readAt, updatedAt }: NotificationRow) {
	return { id, event, title, body, url, createdAt, readAt, updatedAt, read: readAt !== null };
}

export const notificationsSource: SyncSourceParts = {
	readPermissions: ["account:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select()
			.from(notifications)
			.where(scope.where(notifications, inArray(notifications.id, ids)));
		return rows.map((row) => ({
			id: row.id,
			clientId: null,
			ownerUserId: row.userId,
			live: row.deletedAt === null,
			record: toRecord(row),
		}));
	},
};

export const readNotificationMutation: MutationHandler<"notification.read"> = {
	type: "notification.read",
	entity: "notifications",
	permission: "account:write",
	// Read only ever moves forward: once read on the server, a device's read is simply unchanged.
	rules: { read: "simple" },
	async current(ctx, m) {
		const [row] = await ctx.scope.db
			.select()
			.from(notifications)
			.where(
				ctx.scope.where(
					notifications,
					and(eq(notifications.id, m.recordId), eq(notifications.userId, ctx.access.userId), isNull(notifications.deletedAt)),
				),
			)
			.limit(1);
		return row ? toRecord(row) : null;
	},
	changesOf: () => ({ read: true }),
	async write(ctx, m) {
		await markRead(ctx.scope, ctx.access.userId, { ids: [m.recordId] }, ctx.now);
	},
};
