/**
 * An agency's canonical address: where links in its email point. Its primary verified custom
 * domain if it has one, else `<slug>.<platform domain>`. Never the Host, port or forwarding
 * headers of whichever request happened to cause the email: those are the sender's to choose, and
 * a reset or invitation link must not lead anywhere but the agency. The scheme is https; only in
 * development it is http, with the port from DEV_PUBLIC_PORT (`npm start` sets it).
 */
import { and, eq } from "drizzle-orm";
import { tenantDomains, tenants } from "../../../schema/index";
import type { Database } from "../../env";

export type AddressEnv = { ENVIRONMENT: string; PLATFORM_DOMAIN: string; DEV_PUBLIC_PORT?: string };

/** The base URL (no trailing slash) of `hostname` as this deployment serves it. */
export function publicBaseUrl(env: AddressEnv, hostname: string): string {
	if (env.ENVIRONMENT !== "development") return `https://${hostname}`;
	const port = env.DEV_PUBLIC_PORT && /^\d{1,5}$/.test(env.DEV_PUBLIC_PORT) ? `:${env.DEV_PUBLIC_PORT}` : "";
	return `http://${hostname}${port}`;
}

/** The agency's canonical base URL, or null when there is no such agency. */
export async function canonicalBaseUrl(db: Database, env: AddressEnv, tenantId: string): Promise<string | null> {
	const [row] = await db
		.select({ slug: tenants.slug, primaryHostname: tenantDomains.hostname })
		.from(tenants)
		.leftJoin(
			tenantDomains,
			and(
				eq(tenantDomains.tenantId, tenants.id),
				eq(tenantDomains.primary, true),
				eq(tenantDomains.verified, true),
				eq(tenantDomains.kind, "custom"),
			),
		)
		.where(eq(tenants.id, tenantId))
		.limit(1);
	if (!row) return null;
	return publicBaseUrl(env, row.primaryHostname ?? `${row.slug}.${env.PLATFORM_DOMAIN}`);
}
