/** The domains router: an agency's own addresses only; adding one needs a plan with custom domains. */

import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { saasConfigFrom } from "../../lib/cloudflare-for-saas";
import { tenantScope } from "../../lib/db";
import { DEFAULT_DOH_URL } from "../../lib/dns-over-https";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf } from "../../services/audit/audit-log";
import { assertFeature } from "../../services/billing/entitlements";
import { addDomain, type DomainDeps, listDomains, makePrimary, removeDomain, verifyDomain } from "../../services/domains/custom-domains";
import * as routes from "./domains.routes";

function deps(c: Context<AppEnv>): DomainDeps {
	return {
		scope: tenantScope(c.get("db"), tenantOf(c).id),
		platformDomain: c.env.PLATFORM_DOMAIN,
		dohUrl: c.env.DOH_URL || DEFAULT_DOH_URL,
		saas: saasConfigFrom(c.env),
	};
}

function who(c: Context<AppEnv>) {
	return { actor: actorOf(currentAuth(c)), ...requestOrigin(c) };
}

/** Custom domains are a plan feature (Pro and Agency): the shared entitlements helper answers. */
function assertPlanAllowsCustomDomains(c: Context<AppEnv>): Promise<void> {
	return assertFeature(tenantScope(c.get("db"), tenantOf(c).id), "custom_domain");
}

export const domainsRouter = createRouter()
	.openapi(routes.list, async (c) => c.json({ domains: await listDomains(deps(c)) }, 200))
	.openapi(routes.add, async (c) => {
		await assertPlanAllowsCustomDomains(c);
		return c.json(await addDomain(deps(c), c.req.valid("json").hostname, who(c)), 201);
	})
	.openapi(routes.verify, async (c) => c.json(await verifyDomain(deps(c), c.req.valid("param").id, who(c)), 200))
	.openapi(routes.makePrimary, async (c) => c.json({ domains: await makePrimary(deps(c), c.req.valid("param").id, who(c)) }, 200))
	.openapi(routes.remove, async (c) => c.json({ domains: await removeDomain(deps(c), c.req.valid("param").id, who(c)) }, 200));
