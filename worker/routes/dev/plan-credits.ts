/**
 * POST /dev/plan-credits/:slug (development only, behind ./index.ts's guard): grants an agency put on
 * a plan without a Stripe subscription (the demo agency `npm start` seeds as SQL, which cannot reach
 * the TenantGate Durable Object) its plan's start credits, through the same service a plan start
 * uses. Calling it again grants nothing; an agency with a subscription is left to its grants
 * (`bySubscription`). Answers with the agency's credits.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { problems } from "../../lib/problem";
import { originCheck } from "../../middleware/origin-check";
import { creditPlanWithoutSubscription } from "../../services/billing/plan-credits";
import { tenantOfSlug } from "../../services/tenants/tenants";

export const devPlanCreditsRouter = new Hono<AppEnv>();

devPlanCreditsRouter.post("/dev/plan-credits/:slug", originCheck, async (c) => {
	const db = c.get("db");
	const tenant = await tenantOfSlug(db, c.req.param("slug"));
	if (!tenant) throw problems.notFound("There is no agency with this slug.");
	const credits = await creditPlanWithoutSubscription({ db, env: c.env }, tenant.id, tenant.planId);
	c.get("log")?.info("plan credits from /dev/plan-credits", { tenantId: tenant.id, ...credits });
	return c.json(credits);
});
