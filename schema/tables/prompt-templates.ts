/** Prompt templates with {{variables}}: shared with the whole agency (owner null) or personal to one user. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const promptTemplates = sqliteTable(
	"prompt_templates",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** null: shared with the agency (editing needs tenant:manage); otherwise the one user who sees it. */
		ownerUserId: text("owner_user_id"),
		title: text("title").notNull(),
		body: text("body").notNull(),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [index("prompt_templates_tenant_owner_idx").on(t.tenantId, t.ownerUserId)],
);

export type PromptTemplate = typeof promptTemplates.$inferSelect;
