/**
 * Sessions (Lucia design: only the SHA-256 of the token is stored) and one-time hand-off tokens that
 * carry a fresh sign-up from the platform host to the tenant host.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
		/**
		 * The id the account's session list shows and revokes by: short, random, unrelated to the token.
		 * Null only on sessions opened before it existed (the list gives those one on first read).
		 */
		publicId: text("public_id"),
		/** Approximate place at sign-in ("Berlin, DE"), from Cloudflare's request.cf; null when unknown. */
		place: text("place"),
	},
	(t) => [
		index("sessions_tenant_user_idx").on(t.tenantId, t.userId),
		index("sessions_expires_idx").on(t.expiresAt),
		uniqueIndex("sessions_tenant_public_id_unique").on(t.tenantId, t.publicId),
	],
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
