/**
 * Resolves the tenant from the Host header: the platform host, `<slug>.<platform domain>` or a
 * verified custom domain. An unknown host is a 404 problem: it never falls through to any tenant.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, HostInfo } from "../env";
import { hostnameOf, parseHost } from "../lib/hosts";
import { hostCache } from "../lib/identity-cache";
import { problems } from "../lib/problem";
import { findTenantByHost } from "../services/tenants/tenants";

export const resolveTenant = createMiddleware<AppEnv>(async function resolveTenant(c, next) {
	const host = await hostOfRequest(c);
	if (!host) throw problems.notFound("No agency is served at this address.");
	c.set("host", host);
	return next();
});

/** What the request's host serves, or null for an unknown host. */
export function hostOfRequest(c: Context<AppEnv>): Promise<HostInfo | null> {
	return lookUpHost(c.get("db"), new URL(c.req.url), c.env.PLATFORM_DOMAIN, c.env.ENVIRONMENT === "development");
}

export async function lookUpHost(
	db: AppEnv["Variables"]["db"],
	url: URL,
	platformDomain: string,
	development: boolean,
): Promise<HostInfo | null> {
	const hostname = hostnameOf(url);
	const parsed = parseHost(hostname, platformDomain, development);
	if (parsed.kind === "platform") return { kind: "platform" };
	const cached = hostCache.get(hostname);
	if (cached) return cached;
	const found = await findTenantByHost(db, parsed);
	if (!found) return null;
	const host: HostInfo = { kind: "tenant", tenant: found.tenant, brand: found.brand, primaryHostname: found.primaryHostname, hostname };
	hostCache.set(hostname, host);
	return host;
}
