/**
 * API keys: `atr_<prefix>_<secret>`. Only the SHA-256 of the secret is stored; the prefix is kept
 * to find the key and to show it. A key acts with exactly its scopes (and never more than its
 * creator still has).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const apiKeys = sqliteTable(
	"api_keys",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		prefix: text("prefix").notNull(),
		/** Hex SHA-256 of the secret part. */
		secretHash: text("secret_hash").notNull(),
		/** JSON array of permission names. */
		scopes: text("scopes").notNull(),
		createdByUserId: text("created_by_user_id").notNull(),
		createdByLabel: text("created_by_label").notNull(),
		createdAt: integer("created_at").notNull(),
		expiresAt: integer("expires_at"),
		revokedAt: integer("revoked_at"),
		lastUsedAt: integer("last_used_at"),
		lastUsedIp: text("last_used_ip"),
	},
	(t) => [uniqueIndex("api_keys_prefix_unique").on(t.prefix), index("api_keys_tenant_idx").on(t.tenantId, t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
