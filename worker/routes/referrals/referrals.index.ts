/** The referrals router: the referrer's own code, link and results (tenant-scoped). */
import { createRouter } from "../../lib/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { platformBaseUrl } from "../../lib/hosts";
import { referralsOverview } from "../../services/billing/referrals";
import * as routes from "./referrals.routes";

export const referralsRouter = createRouter().openapi(routes.overview, async (c) => {
	const scope = tenantScope(c.get("db"), tenantOf(c).id);
	const origin = platformBaseUrl(new URL(c.req.url), c.env.PLATFORM_DOMAIN);
	return c.json(await referralsOverview(scope, origin), 200);
});
