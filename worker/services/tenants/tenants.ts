/** Finding tenants: by the host a request came in on, by slug, and whether a slug is free. */
import { and, eq, sql } from "drizzle-orm";
import type { TenantSummary } from "../../../schema/dto/auth";
import type { PublicBrand } from "../../../schema/dto/branding";
import { tenantBranding, tenantDomains, tenants } from "../../../schema/index";
import { type PlanId, planHasFeature } from "../../../schema/plans";
import type { Database } from "../../env";
import type { ParsedHost } from "../../lib/hosts";
import { publicBrandOf } from "../branding/public-brand";

/** `primaryHostname`: the address the app should be used at (a verified custom domain, or the sub-domain). */
export type HostedTenant = { tenant: TenantSummary; brand: PublicBrand; primaryHostname: string | null };

/** The active tenant a sub-domain or verified custom domain belongs to, with its brand; or null. */
export async function findTenantByHost(db: Database, host: Exclude<ParsedHost, { kind: "platform" }>): Promise<HostedTenant | null> {
	const columns = {
		id: tenants.id,
		slug: tenants.slug,
		name: tenants.name,
		planId: tenants.planId,
		branding: tenantBranding,
		primaryHostname: sql<
			string | null
		>`(SELECT p.hostname FROM tenant_domains p WHERE p.tenant_id = "tenants"."id" AND p.is_primary = 1 AND p.verified = 1 LIMIT 1)`,
	};
	const rows =
		host.kind === "subdomain"
			? await db
					.select(columns)
					.from(tenants)
					.leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id))
					.where(and(eq(tenants.slug, host.slug), eq(tenants.status, "active")))
					.limit(1)
			: await db
					.select(columns)
					.from(tenantDomains)
					.innerJoin(tenants, eq(tenants.id, tenantDomains.tenantId))
					.leftJoin(tenantBranding, eq(tenantBranding.tenantId, tenants.id))
					.where(and(eq(tenantDomains.hostname, host.hostname), eq(tenantDomains.verified, true), eq(tenants.status, "active")))
					.limit(1);
	const row = rows[0];
	if (!row) return null;
	return {
		tenant: { id: row.id, slug: row.slug, name: row.name },
		// The brand (colour, logo, icons) is white label: a plan without it shows the defaults, whatever was set before.
		brand: publicBrandOf(row.branding, planHasFeature(row.planId, "white_label")),
		primaryHostname: row.primaryHostname,
	};
}

export async function isSlugTaken(db: Database, slug: string): Promise<boolean> {
	return (await tenantOfSlug(db, slug)) !== null;
}

/** The tenant with this slug (its id and plan), or null. */
export async function tenantOfSlug(db: Database, slug: string): Promise<{ id: string; planId: PlanId } | null> {
	const [row] = await db.select({ id: tenants.id, planId: tenants.planId }).from(tenants).where(eq(tenants.slug, slug)).limit(1);
	return row ?? null;
}
