/**
 * Outgoing email, one row per message. The idempotency key makes a re-run job send nothing twice;
 * the dev mailbox reads the rows its transport delivered.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

/** A text file attached to an email: its name, MIME type (with parameters) and content. */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;

export const emailOutbox = sqliteTable(
	"email_outbox",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		idempotencyKey: text("idempotency_key").notNull(),
		template: text("template").notNull(),
		fromAddress: text("from_address").notNull(),
		toAddress: text("to_address").notNull(),
		subject: text("subject").notNull(),
		textBody: text("text_body").notNull(),
		htmlBody: text("html_body").notNull(),
		/** Files sent with the message (e.g. an ICS invitation), as text; null: none. */
		attachments: text("attachments", { mode: "json" }).$type<EmailAttachment[]>(),
		status: text("status", { enum: EMAIL_STATUSES }).notNull().default("queued"),
		transport: text("transport"),
		providerMessageId: text("provider_message_id"),
		attempts: integer("attempts").notNull().default(0),
		lastError: text("last_error"),
		createdAt: integer("created_at").notNull(),
		sentAt: integer("sent_at"),
	},
	(t) => [
		uniqueIndex("email_outbox_idempotency_unique").on(t.tenantId, t.idempotencyKey),
		index("email_outbox_tenant_time_idx").on(t.tenantId, t.createdAt),
	],
);

export type EmailMessage = typeof emailOutbox.$inferSelect;
