/**
 * Whether the agency's plan includes SSO. The one place the plan is checked for it: when billing
 * adds `requireFeature("sso")` middleware, the routes take that and this function goes.
 */
import { eq } from "drizzle-orm";
import { tenants } from "../../../schema/index";
import { planHasFeature } from "../../../schema/plans";
import type { Database } from "../../env";
import { Problem } from "../../lib/problem";

export async function ssoAllowedByPlan(db: Database, tenantId: string): Promise<boolean> {
	// The tenant's own row (tenants has no tenant_id column: it is the tenant).
	const [row] = await db.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
	return row ? planHasFeature(row.planId, "sso") : false;
}

export async function requireSsoPlan(db: Database, tenantId: string): Promise<void> {
	if (!(await ssoAllowedByPlan(db, tenantId))) {
		throw new Problem(
			403,
			"plan-feature-required",
			"Your plan does not include single sign-on",
			"Single sign-on is part of the Agency plan.",
			{
				extensions: { feature: "sso" },
			},
		);
	}
}
