/**
 * Web Push subscriptions, one per browser (device) a user agreed to receive notifications on,
 * and the deliveries already made, so a re-run job never pushes the same notification twice.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const pushSubscriptions = sqliteTable(
	"push_subscriptions",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id").notNull(),
		/** The push service URL the browser gave; unique per tenant (a browser re-subscribing replaces its row). */
		endpoint: text("endpoint").notNull(),
		p256dh: text("p256dh").notNull(),
		auth: text("auth").notNull(),
		/** What the account page shows, e.g. "Chrome on Android". */
		deviceLabel: text("device_label").notNull(),
		createdAt: integer("created_at").notNull(),
		lastDeliveredAt: integer("last_delivered_at"),
	},
	(t) => [
		uniqueIndex("push_subscriptions_endpoint_unique").on(t.tenantId, t.endpoint),
		index("push_subscriptions_user_idx").on(t.tenantId, t.userId),
	],
);

export const pushDeliveries = sqliteTable(
	"push_deliveries",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** The notification's idempotency key (from the job). */
		notificationKey: text("notification_key").notNull(),
		subscriptionId: text("subscription_id").notNull(),
		deliveredAt: integer("delivered_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.notificationKey, t.subscriptionId] })],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
