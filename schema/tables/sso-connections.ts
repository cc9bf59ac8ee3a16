/**
 * An agency's single sign-on over OpenID Connect: one connection per tenant, its IdP's endpoints
 * as discovery gave them, the email domains it is authoritative for, who configured it, and
 * whether it is on (which needs a successful test sign-in of the current settings and every
 * domain proven by a DNS TXT record first). `sso_domains` holds each domain's proof.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
	/** The owner who last saved these settings: SSO never signs in a member whose role ranks above theirs (unless approved). */
	configuredBy: text("configured_by"),
	/** An owner's approval that members ranking above the configurer may sign in with SSO; void once that user is no longer an owner. */
	privilegedApprovedBy: text("privileged_approved_by"),
	privilegedApprovedAt: integer("privileged_approved_at"),
	createdAt: integer("created_at").notNull(),
	updatedAt: integer("updated_at").notNull(),
});

export type SsoConnection = typeof ssoConnections.$inferSelect;

/**
 * The proof that the agency controls one of its SSO email domains: a TXT record
 * `_atrium-sso.<domain>` = `atrium-sso-verification=<token>`, checked over DNS-over-HTTPS. Only
 * verified domains are used by SSO sign-in and enforcement; a domain newly added to the list
 * starts unverified.
 */
export const ssoDomains = sqliteTable(
	"sso_domains",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** Lower-case domain, as in `sso_connections.domains`. */
		domain: text("domain").notNull(),
		verificationToken: text("verification_token").notNull(),
		verifiedAt: integer("verified_at"),
		/** The last check and why it failed, shown to the owner. */
		lastCheckedAt: integer("last_checked_at"),
		lastCheckError: text("last_check_error"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.domain] }), index("sso_domains_tenant_idx").on(t.tenantId)],
);

export type SsoDomain = typeof ssoDomains.$inferSelect;
