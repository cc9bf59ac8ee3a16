/** Each agency's assistant safety settings: moderation (blocked terms, OpenAI moderation) and whether content may be logged. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const assistantSettings = sqliteTable("assistant_settings", {
	tenantId: text("tenant_id")
		.primaryKey()
		.references(() => tenants.id, { onDelete: "cascade" }),
	moderationEnabled: integer("moderation_enabled", { mode: "boolean" }).notNull().default(false),
	/** JSON array of lower-case terms refused in prompts and flagged in replies. */
	blockedTerms: text("blocked_terms").notNull().default("[]"),
	/** Off by default: prompts and replies never reach the logs unless the agency opts in. */
	logContent: integer("log_content", { mode: "boolean" }).notNull().default(false),
	updatedAt: integer("updated_at").notNull(),
});

export type AssistantSettingsRow = typeof assistantSettings.$inferSelect;
