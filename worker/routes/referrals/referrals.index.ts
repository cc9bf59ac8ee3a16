/**
 * The referrals router: the referrer's own code, link (on the platform's canonical address) and
 * results (tenant-scoped), and link landings (platform host, unauthenticated, so rate-limited per
 * IP in the platform's gate like sign-up).
 */
import { RATE_RULES } from "../../../schema/rate-limits";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { requirePlatformHost, tenantOf } from "../../lib/host-guards";
import { problems } from "../../lib/problem";
import { issueReferralLanding } from "../../services/billing/referral-landing";
import { referralsOverview } from "../../services/billing/referrals";
import { PLATFORM_GATE, retryAfterSeconds, takeTokens } from "../../services/security/rate-limits";
import { publicBaseUrl } from "../../services/tenants/tenant-address";
import * as routes from "./referrals.routes";

export const referralsRouter = createRouter()
	.openapi(routes.overview, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		// The platform's canonical address, never the Host, port or forwarding headers of this request.
		return c.json(await referralsOverview(scope, publicBaseUrl(c.env, c.env.PLATFORM_DOMAIN)), 200);
	})
	.openapi(routes.landing, async (c) => {
		requirePlatformHost(c);
		const { ip } = requestOrigin(c);
		const limit = await takeTokens(c.env.TENANT_GATE, PLATFORM_GATE, [
			{ key: `referral-landing:ip:${ip ?? "unknown"}`, rule: RATE_RULES.referralLandingPerIp },
		]);
		if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), "Too many requests from this address. Try again later.");
		return c.json(await issueReferralLanding(c.req.valid("json").code), 200);
	});
