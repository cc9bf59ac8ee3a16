/**
 * Job `reconcile-billing` (nightly): re-fetches every mirrored subscription from Stripe and rebuilds
 * the mirror and the tenant's plan from it, so a lost or failed webhook cannot leave an agency on the
 * wrong plan or status. What it repaired is logged and written to the agency's audit log; running it
 * again finds nothing to repair (the mirror then equals Stripe).
 */
import { eq } from "drizzle-orm";
import { subscriptions, tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { Stripe, stripeClient } from "../lib/stripe";
import { recordAudit, SYSTEM_ACTOR } from "../services/audit-log";
import { mirrorSubscription } from "../services/billing/stripe-mirror";
import type { JobDeps } from "./job-deps";

const COMPARED = ["status", "planId", "interval", "currentPeriodEnd", "cancelAtPeriodEnd", "trialEnd", "scheduledPlanId"] as const;

async function snapshot(deps: JobDeps, tenantId: string) {
	const [[sub], [tenant]] = await Promise.all([
		deps.db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId)).limit(1),
		deps.db.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, tenantId)).limit(1),
	]);
	return { sub, tenantPlan: tenant?.planId ?? null };
}

export async function runReconcileBilling(deps: JobDeps, _job: JobOf<"reconcile-billing">): Promise<void> {
	if (!deps.env.STRIPE_SECRET_KEY) return;
	const stripe = stripeClient(deps.env);
	const rows = await deps.db.select({ tenantId: subscriptions.tenantId, stripeId: subscriptions.stripeSubscriptionId }).from(subscriptions);
	for (const { tenantId, stripeId } of rows) {
		const before = await snapshot(deps, tenantId);
		let remote: Stripe.Subscription;
		try {
			remote = await stripe.subscriptions.retrieve(stripeId);
		} catch (error) {
			if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
				deps.log.warn("reconcile: subscription missing in Stripe", { tenantId, subscription: stripeId });
				continue;
			}
			throw error;
		}
		await mirrorSubscription(deps.db, stripe, remote);
		const after = await snapshot(deps, tenantId);
		const repaired: Record<string, string> = {};
		for (const field of COMPARED) {
			const was = before.sub?.[field] ?? null;
			const now = after.sub?.[field] ?? null;
			if (was !== now) repaired[field] = `${String(was)} → ${String(now)}`;
		}
		if (before.tenantPlan !== after.tenantPlan) repaired.tenantPlan = `${String(before.tenantPlan)} → ${String(after.tenantPlan)}`;
		if (Object.keys(repaired).length === 0) continue;
		deps.log.warn("reconcile: repaired billing drift", { tenantId, subscription: stripeId, ...repaired });
		await recordAudit(tenantScope(deps.db, tenantId), {
			action: "billing.reconciled",
			actor: SYSTEM_ACTOR,
			target: { type: "subscription", id: stripeId },
			detail: repaired,
			ip: null,
			userAgent: null,
		});
	}
}
