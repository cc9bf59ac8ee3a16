/**
 * Whether the agency's plan includes SSO, answered by the shared entitlements helper (so a
 * subscription whose payment has failed past the grace period loses it like every other feature).
 */
import type { Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { assertFeature, loadAccessState } from "../billing/entitlements";

export async function ssoAllowedByPlan(db: Database, tenantId: string): Promise<boolean> {
	return (await loadAccessState(tenantScope(db, tenantId))).featurePlan.features.includes("sso");
}

/** 403 `feature-not-in-plan` (or 402 while access is reduced for non-payment) unless the plan includes SSO. */
export function requireSsoPlan(db: Database, tenantId: string): Promise<void> {
	return assertFeature(tenantScope(db, tenantId), "sso");
}
