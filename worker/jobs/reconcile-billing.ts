/**
 * Job `reconcile-billing` (nightly): for every agency with a Stripe customer, lists that customer's
 * subscriptions in Stripe and rebuilds the mirror and the agency's plan from the one that counts
 * (the newest live one, else the newest). So a lost webhook cannot leave an agency on the wrong plan
 * or status, a subscription Atrium never heard of is discovered, and a mirrored subscription that no
 * longer exists in Stripe stops granting its plan. Each repair is logged and written to the agency's
 * audit log; running it again finds nothing to repair (the mirror then equals Stripe).
 */
import { eq } from "drizzle-orm";
import { billingCustomers, subscriptions, tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { DEFAULT_PLAN_ID } from "../../schema/plans";
import { tenantScope } from "../lib/db";
import { forgetCachedTenantHosts } from "../lib/identity-cache";
import { Stripe, stripeClient } from "../lib/stripe";
import { recordAudit, SYSTEM_ACTOR } from "../services/audit/audit-log";
import { mirrorSubscription } from "../services/billing/stripe-mirror";
import type { JobDeps } from "./job-deps";

const COMPARED = [
	"stripeSubscriptionId",
	"status",
	"planId",
	"interval",
	"currentPeriodEnd",
	"cancelAtPeriodEnd",
	"trialEnd",
	"scheduledPlanId",
] as const;
const LIVE = new Set(["trialing", "active", "past_due", "unpaid", "paused", "incomplete"]);

async function snapshot(deps: JobDeps, tenantId: string) {
	const [[sub], [tenant]] = await Promise.all([
		deps.db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId)).limit(1),
		deps.db.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, tenantId)).limit(1),
	]);
	return { sub, tenantPlan: tenant?.planId ?? null };
}

/** The customer's subscriptions in Stripe, newest first (none when the customer itself is gone). */
async function subscriptionsOf(stripe: Stripe, customer: string): Promise<Stripe.Subscription[]> {
	try {
		return (await stripe.subscriptions.list({ customer, status: "all", limit: 20 })).data.sort((a, b) => b.created - a.created);
	} catch (error) {
		if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return [];
		throw error;
	}
}

/** Brings one agency's mirror in line with Stripe. */
async function reconcileTenant(deps: JobDeps, stripe: Stripe, tenantId: string, customer: string, now: number): Promise<void> {
	const before = await snapshot(deps, tenantId);
	const remote = await subscriptionsOf(stripe, customer);
	const counted = remote.find((s) => LIVE.has(s.status)) ?? remote[0] ?? null;
	const stored = before.sub;
	const vanished = stored !== undefined && !remote.some((s) => s.id === stored.stripeSubscriptionId);
	if (vanished && counted) {
		// The mirrored subscription is gone from Stripe: the one Stripe has replaces it, whatever its age.
		await deps.db.delete(subscriptions).where(eq(subscriptions.tenantId, tenantId));
	}
	if (counted) await mirrorSubscription(deps.db, stripe, counted, now);
	else if (vanished && stored.status !== "canceled") {
		await deps.db.batch([
			deps.db
				.update(subscriptions)
				.set({ status: "canceled", cancelAtPeriodEnd: false, scheduledPlanId: null, scheduledInterval: null, updatedAt: now })
				.where(eq(subscriptions.tenantId, tenantId)),
			deps.db.update(tenants).set({ planId: DEFAULT_PLAN_ID, updatedAt: now }).where(eq(tenants.id, tenantId)),
		]);
		forgetCachedTenantHosts(tenantId);
	}
	const after = await snapshot(deps, tenantId);
	const repaired: Record<string, string> = {};
	for (const field of COMPARED) {
		const was = before.sub?.[field] ?? null;
		const is = after.sub?.[field] ?? null;
		if (was !== is) repaired[field] = `${String(was)} → ${String(is)}`;
	}
	if (before.tenantPlan !== after.tenantPlan) repaired.tenantPlan = `${String(before.tenantPlan)} → ${String(after.tenantPlan)}`;
	if (Object.keys(repaired).length === 0) return;
	if (vanished) repaired.missingInStripe = stored.stripeSubscriptionId;
	const subscription = after.sub?.stripeSubscriptionId ?? stored?.stripeSubscriptionId ?? customer;
	deps.log.warn("reconcile: repaired billing drift", { tenantId, subscription, ...repaired });
	await recordAudit(tenantScope(deps.db, tenantId), {
		action: "billing.reconciled",
		actor: SYSTEM_ACTOR,
		target: { type: "subscription", id: subscription },
		detail: repaired,
		ip: null,
		userAgent: null,
	});
}

export async function runReconcileBilling(deps: JobDeps, _job: JobOf<"reconcile-billing">, now = Date.now()): Promise<void> {
	if (!deps.env.STRIPE_SECRET_KEY) return;
	const stripe = stripeClient(deps.env);
	const customers = await deps.db
		.select({ tenantId: billingCustomers.tenantId, customer: billingCustomers.stripeCustomerId })
		.from(billingCustomers);
	for (const { tenantId, customer } of customers) await reconcileTenant(deps, stripe, tenantId, customer, now);
}
