/**
 * The notification centre: what each person was notified of in the app (read or not), and the
 * channels they turned off per event. A preference row exists only once changed from the default.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS } from "../notification-events";
import { tenants } from "./tenants";

export const notifications = sqliteTable(
	"notifications",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id").notNull(),
		event: text("event", { enum: NOTIFICATION_EVENTS }).notNull(),
		title: text("title").notNull(),
		body: text("body").notNull(),
		/** The page it opens, a path on the agency's address. */
		url: text("url").notNull(),
		/** Makes a re-run job or retried request notify once. */
		dedupeKey: text("dedupe_key").notNull(),
		createdAt: integer("created_at").notNull(),
		readAt: integer("read_at"),
		updatedAt: integer("updated_at").notNull(),
		deletedAt: integer("deleted_at"),
	},
	(t) => [
		uniqueIndex("notifications_dedupe_unique").on(t.tenantId, t.userId, t.dedupeKey),
		index("notifications_user_idx").on(t.tenantId, t.userId, t.createdAt),
	],
);

export const notificationPreferences = sqliteTable(
	"notification_preferences",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id").notNull(),
		event: text("event", { enum: NOTIFICATION_EVENTS }).notNull(),
		channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
		enabled: integer("enabled", { mode: "boolean" }).notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId, t.event, t.channel] })],
);

export type NotificationRow = typeof notifications.$inferSelect;
