/**
 * An agency's single sign-on over OpenID Connect: one connection per tenant, its IdP's endpoints
 * as discovery gave them, the email domains it is authoritative for, and whether it is on (which
 * needs a successful test sign-in of the current settings first).
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

export const ssoConnections = sqliteTable("sso_connections", {
	tenantId: text("tenant_id")
		.primaryKey()
		.references(() => tenants.id, { onDelete: "cascade" }),
	issuer: text("issuer").notNull(),
	clientId: text("client_id").notNull(),
	/** Write-only through the API, never returned; AES-GCM encrypted at rest: `enc:v1:<keyId>:…` (worker/lib/secret-keys.ts). */
	clientSecret: text("client_secret").notNull(),
	authorizationEndpoint: text("authorization_endpoint").notNull(),
	tokenEndpoint: text("token_endpoint").notNull(),
	jwksUri: text("jwks_uri").notNull(),
	/** JSON array of lower-case email domains whose staff must sign in through the IdP once it is on. */
	domains: text("domains").notNull(),
	enabled: integer("enabled", { mode: "boolean" }).notNull().default(false),
	/** When a test sign-in of these exact settings succeeded; cleared by any change to issuer, client or secret. */
	testedAt: integer("tested_at"),
	testedBy: text("tested_by"),
	createdAt: integer("created_at").notNull(),
	updatedAt: integer("updated_at").notNull(),
});

export type SsoConnection = typeof ssoConnections.$inferSelect;
