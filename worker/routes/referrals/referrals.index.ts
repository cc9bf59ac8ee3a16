/** The referrals router: the referrer's own code, link and results (tenant-scoped), and link landings (platform host). */
import { createRouter } from "../../lib/create-router";
import { tenantScope } from "../../lib/db";
import { requirePlatformHost, tenantOf } from "../../lib/host-guards";
import { platformBaseUrl } from "../../lib/hosts";
import { issueReferralLanding } from "../../services/billing/referral-landing";
import { referralsOverview } from "../../services/billing/referrals";
import * as routes from "./referrals.routes";

export const referralsRouter = createRouter()
	.openapi(routes.overview, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const origin = platformBaseUrl(new URL(c.req.url), c.env.PLATFORM_DOMAIN);
		return c.json(await referralsOverview(scope, origin), 200);
	})
	.openapi(routes.landing, async (c) => {
		requirePlatformHost(c);
		return c.json(await issueReferralLanding(c.req.valid("json").code), 200);
	});
