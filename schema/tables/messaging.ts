/**
 * Messaging between an agency's staff and a client's people: threads (per client, optionally per
 * project), their messages, small attachments kept in R2, each user's read mark per thread, and
 * each tenant's messaging settings. D1 is the durable record; the MessagingHub Durable Object only
 * fans out live events.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { clients } from "./clients";
import { projects } from "./projects";
import { syncedColumns } from "./synced-columns";
import { tenants } from "./tenants";
import { users } from "./users";

export const messageThreads = sqliteTable(
	"message_threads",
	{
		...syncedColumns(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		/** Null: a thread about the client in general. */
		projectId: text("project_id").references(() => projects.id, { onDelete: "cascade" }),
		subject: text("subject").notNull(),
		createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
		/** Time of the newest message (or of creation): threads list by it, newest first. */
		lastMessageAt: integer("last_message_at").notNull(),
	},
	(t) => [
		index("message_threads_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("message_threads_tenant_last_idx").on(t.tenantId, t.lastMessageAt),
		index("message_threads_tenant_client_idx").on(t.tenantId, t.clientId),
	],
);

export const threadMessages = sqliteTable(
	"thread_messages",
	{
		...syncedColumns(),
		threadId: text("thread_id")
			.notNull()
			.references(() => messageThreads.id, { onDelete: "cascade" }),
		authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
		/** Empty once deleted (the tombstone keeps the row for sync and for the thread's order). */
		body: text("body").notNull(),
		editedAt: integer("edited_at"),
	},
	(t) => [
		index("thread_messages_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("thread_messages_tenant_thread_idx").on(t.tenantId, t.threadId, t.createdAt),
	],
);

export const messageAttachments = sqliteTable(
	"message_attachments",
	{
		...syncedColumns(),
		threadId: text("thread_id")
			.notNull()
			.references(() => messageThreads.id, { onDelete: "cascade" }),
		/** Null until a message is posted with it. */
		messageId: text("message_id").references(() => threadMessages.id, { onDelete: "set null" }),
		uploaderUserId: text("uploader_user_id").references(() => users.id, { onDelete: "set null" }),
		fileName: text("file_name").notNull(),
		contentType: text("content_type").notNull(),
		size: integer("size").notNull(),
		/** R2 key in the FILES bucket. */
		objectKey: text("object_key").notNull(),
	},
	(t) => [
		index("message_attachments_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("message_attachments_tenant_message_idx").on(t.tenantId, t.messageId),
	],
);

/** How far each user has read each thread: messages created after `last_read_at` are unread. */
export const threadReads = sqliteTable(
	"thread_reads",
	{
		...syncedColumns(),
		threadId: text("thread_id")
			.notNull()
			.references(() => messageThreads.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		lastReadMessageId: text("last_read_message_id").notNull(),
		/** `created_at` of the last read message. */
		lastReadAt: integer("last_read_at").notNull(),
	},
	(t) => [
		uniqueIndex("thread_reads_tenant_thread_user_unique").on(t.tenantId, t.threadId, t.userId),
		index("thread_reads_tenant_updated_idx").on(t.tenantId, t.updatedAt),
	],
);

/** Each tenant's messaging rules; a tenant without a row has the defaults (MESSAGING_DEFAULTS). */
export const messagingSettings = sqliteTable("messaging_settings", {
	tenantId: text("tenant_id")
		.primaryKey()
		.references(() => tenants.id, { onDelete: "cascade" }),
	/** The lowest client service tier that includes messaging; null: every tier. */
	minimumTier: text("minimum_tier"),
	/** A message still unread after this many minutes is emailed to its recipient, once. */
	unreadEmailMinutes: integer("unread_email_minutes").notNull(),
	updatedAt: integer("updated_at").notNull(),
});

export type MessageThread = typeof messageThreads.$inferSelect;
export type ThreadMessage = typeof threadMessages.$inferSelect;
export type MessageAttachment = typeof messageAttachments.$inferSelect;
