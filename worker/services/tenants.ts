/** Finding tenants: by the host a request came in on, and whether a slug is free. */
import { and, eq } from "drizzle-orm";
import type { TenantSummary } from "../../schema/dto/auth";
import { tenantDomains, tenants } from "../../schema/index";
import type { Database } from "../env";
import type { ParsedHost } from "../lib/hosts";

/** The active tenant a sub-domain or verified custom domain belongs to, or null. */
export async function findTenantByHost(db: Database, host: Exclude<ParsedHost, { kind: "platform" }>): Promise<TenantSummary | null> {
	const columns = { id: tenants.id, slug: tenants.slug, name: tenants.name };
	if (host.kind === "subdomain") {
		const [row] = await db
			.select(columns)
			.from(tenants)
			.where(and(eq(tenants.slug, host.slug), eq(tenants.status, "active")))
			.limit(1);
		return row ?? null;
	}
	const [row] = await db
		.select(columns)
		.from(tenantDomains)
		.innerJoin(tenants, eq(tenants.id, tenantDomains.tenantId))
		.where(and(eq(tenantDomains.hostname, host.hostname), eq(tenantDomains.verified, true), eq(tenants.status, "active")))
		.limit(1);
	return row ?? null;
}

export async function isSlugTaken(db: Database, slug: string): Promise<boolean> {
	const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).limit(1);
	return row !== undefined;
}
