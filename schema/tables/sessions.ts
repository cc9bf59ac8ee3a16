/**
 * Sessions (Lucia design: only the SHA-256 of the token is stored) and one-time hand-off tokens that
 * carry a fresh sign-up from the platform host to the tenant host.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const sessions = sqliteTable(
	"sessions",
	{
		/** Hex SHA-256 of the session token; the token itself lives only in the cookie. */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		expiresAt: integer("expires_at").notNull(),
		createdAt: integer("created_at").notNull(),
		lastSeenAt: integer("last_seen_at").notNull(),
		ip: text("ip"),
		userAgent: text("user_agent"),
	},
	(t) => [index("sessions_tenant_user_idx").on(t.tenantId, t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const handoffTokens = sqliteTable(
	"handoff_tokens",
	{
		/** Hex SHA-256 of the one-time token. */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		expiresAt: integer("expires_at").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("handoff_tokens_tenant_idx").on(t.tenantId, t.expiresAt)],
);

export type Session = typeof sessions.$inferSelect;
