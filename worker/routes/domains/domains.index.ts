/** The domains router: an agency's own addresses only; adding one needs a plan with custom domains. */

import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { tenants } from "../../../schema/index";
import { planHasFeature } from "../../../schema/plans";
import type { AppEnv } from "../../env";
import { saasConfigFrom } from "../../lib/cloudflare-for-saas";
import { createRouter } from "../../lib/create-router";
import { tenantScope } from "../../lib/db";
import { DEFAULT_DOH_URL } from "../../lib/dns-over-https";
import { tenantOf } from "../../lib/host-guards";
import { Problem } from "../../lib/problem";
import { requestOrigin } from "../../lib/request-origin";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf } from "../../services/audit-log";
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

/** Custom domains are a plan feature (Pro and Agency). */
async function assertPlanAllowsCustomDomains(c: Context<AppEnv>): Promise<void> {
	const [tenant] = await c
		.get("db")
		.select({ planId: tenants.planId })
		.from(tenants)
		.where(eq(tenants.id, tenantOf(c).id))
		.limit(1);
	if (!tenant || !planHasFeature(tenant.planId, "custom_domain")) {
		throw new Problem(
			403,
			"plan-feature-required",
			"Upgrade to use your own domain",
			"Custom domains come with the Pro and Agency plans. Upgrade in Billing to add one.",
		);
	}
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
