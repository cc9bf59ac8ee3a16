/** Tenants (agencies) and the hosts they answer on: a platform sub-domain or a verified custom domain. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PLAN_IDS } from "../plans";

export const tenants = sqliteTable(
	"tenants",
	{
		id: text("id").primaryKey(),
		slug: text("slug").notNull(),
		name: text("name").notNull(),
		status: text("status", { enum: ["active", "suspended"] })
			.notNull()
			.default("active"),
		/** The plan whose limits and features apply now; billing keeps it in step with the subscription. */
		planId: text("plan_id", { enum: PLAN_IDS }).notNull().default("starter"),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("tenants_slug_unique").on(t.slug)],
);

export const tenantDomains = sqliteTable(
	"tenant_domains",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** Lower-case host name without port, e.g. `acme.atrium.app` or `portal.acme.com`. */
		hostname: text("hostname").notNull(),
		kind: text("kind", { enum: ["subdomain", "custom"] }).notNull(),
		verified: integer("verified", { mode: "boolean" }).notNull().default(false),
		primary: integer("is_primary", { mode: "boolean" }).notNull().default(false),
		verificationToken: text("verification_token"),
		verifiedAt: integer("verified_at"),
		/** Cloudflare for SaaS custom hostname id and its last known status, when the API is configured. */
		cloudflareHostnameId: text("cloudflare_hostname_id"),
		cloudflareStatus: text("cloudflare_status"),
		/** The last verification attempt and why it failed, shown to the admin. */
		lastCheckedAt: integer("last_checked_at"),
		lastCheckError: text("last_check_error"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [uniqueIndex("tenant_domains_hostname_unique").on(t.hostname), index("tenant_domains_tenant_idx").on(t.tenantId)],
);

export type Tenant = typeof tenants.$inferSelect;
export type TenantDomain = typeof tenantDomains.$inferSelect;
