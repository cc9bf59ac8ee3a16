/**
 * Single-use account tokens sent by email: verify an address, reset a password, unlock a locked
 * account, confirm a new address. Only the SHA-256 of each token is stored; using a token deletes
 * its row, so it works once, and only before `expires_at`.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "password_reset", "unlock", "change_email"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

export const accountTokens = sqliteTable(
	"account_tokens",
	{
		/** Hex SHA-256 of the token. */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
		/** The address a token verifies: the account's own, or the new one of an email change. */
		email: text("email").notNull(),
		expiresAt: integer("expires_at").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("account_tokens_tenant_user_idx").on(t.tenantId, t.userId, t.purpose), index("account_tokens_expires_idx").on(t.expiresAt)],
);

/** The devices (browser, system and network prefix) each user has signed in from; a new one triggers an alert. */
export const knownDevices = sqliteTable(
	"known_devices",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** Hex SHA-256 of browser family, system and IP prefix: no raw address kept here. */
		fingerprint: text("fingerprint").notNull(),
		firstSeenAt: integer("first_seen_at").notNull(),
		lastSeenAt: integer("last_seen_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId, t.fingerprint] })],
);
