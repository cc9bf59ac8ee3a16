/**
 * Passkeys (WebAuthn credentials) of a tenant's users, and the single-use challenges a ceremony
 * answers. A credential belongs to one tenant: its RP ID is that tenant's host, and lookups are
 * tenant-scoped, so a passkey made on one agency never signs in on another.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

export const passkeys = sqliteTable(
	"passkeys",
	{
		/** Public id: names the passkey in URLs (not the credential id). */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** The authenticator's credential id, base64url. */
		credentialId: text("credential_id").notNull(),
		/** COSE public key, base64url. */
		publicKey: text("public_key").notNull(),
		/** The authenticator's signature counter; an assertion must raise it (when the authenticator counts). */
		counter: integer("counter").notNull().default(0),
		/** JSON array of transports the browser reported ("internal", "hybrid", "usb"…). */
		transports: text("transports"),
		name: text("name").notNull(),
		/** The RP ID (host) it was registered on. */
		rpId: text("rp_id").notNull(),
		backedUp: integer("backed_up", { mode: "boolean" }).notNull().default(false),
		createdAt: integer("created_at").notNull(),
		lastUsedAt: integer("last_used_at"),
	},
	(t) => [
		uniqueIndex("passkeys_tenant_credential_unique").on(t.tenantId, t.credentialId),
		index("passkeys_tenant_user_idx").on(t.tenantId, t.userId),
	],
);

export const WEBAUTHN_PURPOSES = ["register", "sign_in", "second_factor"] as const;
export type WebAuthnPurpose = (typeof WEBAUTHN_PURPOSES)[number];

export const webauthnChallenges = sqliteTable(
	"webauthn_challenges",
	{
		/** Hex SHA-256 of the base64url challenge sent to the browser. */
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** Who the ceremony is for; null for a username-less passkey sign-in. */
		userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
		purpose: text("purpose", { enum: WEBAUTHN_PURPOSES }).notNull(),
		expiresAt: integer("expires_at").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("webauthn_challenges_tenant_expires_idx").on(t.tenantId, t.expiresAt)],
);

export type Passkey = typeof passkeys.$inferSelect;
