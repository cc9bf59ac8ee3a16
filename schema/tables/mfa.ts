/**
 * Second factors: one TOTP authenticator per user, its single-use recovery codes (hashes only), and
 * the short-lived challenges that sit between a right password and a session.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const totpCredentials = sqliteTable(
	"totp_credentials",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** The shared secret (base32), AES-GCM encrypted: `enc:v1:<keyId>:…` (worker/lib/secret-keys.ts, docs/SECURITY.md). */
		secret: text("secret").notNull(),
		/** Null while enrolment waits for its first code; set when MFA is on. */
		confirmedAt: integer("confirmed_at"),
		/** The last 30-second time step a code was accepted for: no code works twice. */
		lastUsedStep: integer("last_used_step"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

export const recoveryCodes = sqliteTable(
	"recovery_codes",
	{
		/** Hex SHA-256 of the normalised code. */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("recovery_codes_user_idx").on(t.tenantId, t.userId)],
);

export const mfaChallenges = sqliteTable(
	"mfa_challenges",
	{
		/** Hex SHA-256 of the challenge token. */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		attempts: integer("attempts").notNull().default(0),
		expiresAt: integer("expires_at").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("mfa_challenges_expires_idx").on(t.expiresAt)],
);
