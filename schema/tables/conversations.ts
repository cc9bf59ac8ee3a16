/**
 * The index of assistant conversations in D1: who owns each, its title and times. The messages
 * themselves live in the conversation's ChatSession Durable Object. Only the owner sees theirs.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const conversations = sqliteTable(
	"conversations",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		ownerUserId: text("owner_user_id").notNull(),
		title: text("title").notNull(),
		/** The model new messages use unless the client picks another. */
		modelId: text("model_id").notNull(),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
		deletedAt: integer("deleted_at"),
	},
	(t) => [index("conversations_tenant_owner_updated_idx").on(t.tenantId, t.ownerUserId, t.updatedAt)],
);

export type Conversation = typeof conversations.$inferSelect;
