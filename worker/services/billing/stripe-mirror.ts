/**
 * Rebuilds Atrium's billing rows from Stripe's current objects: the subscription (status, plan,
 * period, cancellation, trial, past-due time), the tenant's plan, and invoices. Called with objects
 * freshly retrieved from Stripe, so the result never depends on the order events arrived in.
 */
import { eq } from "drizzle-orm";
import { planLookupKey } from "../../../schema/credit-packs";
import { billingCustomers, invoices, type SubscriptionRow, type SubscriptionStatus, subscriptions, tenants } from "../../../schema/index";
import { BILLING_INTERVALS, type BillingInterval, DEFAULT_PLAN_ID, PLAN_IDS, type PlanId } from "../../../schema/plans";
import type { Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { forgetCachedTenantHosts } from "../../lib/identity-cache";
import type { Stripe } from "../../lib/stripe";

const seconds = (value: number | null | undefined) => (value == null ? null : value * 1000);

/** `atrium_pro_month` → { planId: "pro", interval: "month" }. */
export function planOfLookupKey(key: string | null | undefined): { planId: PlanId; interval: BillingInterval } | null {
	for (const planId of PLAN_IDS)
		for (const interval of BILLING_INTERVALS) if (planLookupKey(planId, interval) === key) return { planId, interval };
	return null;
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
	value == null ? null : typeof value === "string" ? value : value.id;

/** The tenant a Stripe customer belongs to (platform-wide lookup: webhooks arrive without a tenant host). */
export async function tenantOfCustomer(db: Database, customer: string | { id: string } | null): Promise<string | null> {
	const id = idOf(customer);
	if (!id) return null;
	const [row] = await db
		.select({ tenantId: billingCustomers.tenantId })
		.from(billingCustomers)
		.where(eq(billingCustomers.stripeCustomerId, id))
		.limit(1);
	return row?.tenantId ?? null;
}

/** Plans that keep their features: everything but a subscription that has ended. */
const LIVE_STATUSES: readonly SubscriptionStatus[] = ["trialing", "active", "past_due", "unpaid", "paused"];

export async function mirrorSubscription(
	db: Database,
	stripe: Stripe,
	subscription: Stripe.Subscription,
	now = Date.now(),
): Promise<string | null> {
	const tenantId = await tenantOfCustomer(db, subscription.customer);
	if (!tenantId) return null;
	const item = subscription.items.data[0];
	const plan = planOfLookupKey(item?.price.lookup_key);
	if (!plan) return tenantId;
	const scope = tenantScope(db, tenantId);
	const [stored] = await db.select().from(subscriptions).where(scope.where(subscriptions)).limit(1);
	const createdAt = subscription.created * 1000;
	// An event about an older subscription never replaces the one the tenant has now.
	if (stored && stored.stripeSubscriptionId !== subscription.id && stored.stripeCreatedAt > createdAt) return tenantId;
	let pastDueSince: number | null = null;
	const latestInvoice = idOf(subscription.latest_invoice);
	if (subscription.status === "past_due" && latestInvoice) {
		pastDueSince = (await stripe.invoices.retrieve(latestInvoice)).created * 1000;
	}
	const scheduled = await scheduledChange(stripe, idOf(subscription.schedule));
	const status = subscription.status as SubscriptionStatus;
	// The credited columns belong to the plan-credit step (plan-credits.ts), never to the mirror.
	const row: Omit<SubscriptionRow, "tenantId" | "creditedSlice" | "creditedPlanId"> = {
		stripeSubscriptionId: subscription.id,
		stripeCreatedAt: createdAt,
		status,
		planId: plan.planId,
		interval: plan.interval,
		currentPeriodStart: seconds(item?.current_period_start),
		currentPeriodEnd: seconds(item?.current_period_end),
		cancelAtPeriodEnd: subscription.cancel_at_period_end,
		cancelReason: subscription.cancellation_details?.comment ?? subscription.cancellation_details?.feedback ?? null,
		trialEnd: seconds(subscription.trial_end),
		pastDueSince,
		scheduledPlanId: scheduled?.planId ?? null,
		scheduledInterval: scheduled?.interval ?? null,
		updatedAt: now,
	};
	await db.batch([
		db
			.insert(subscriptions)
			.values({ tenantId, ...row })
			.onConflictDoUpdate({ target: subscriptions.tenantId, set: row }),
		db
			.update(tenants)
			.set({ planId: LIVE_STATUSES.includes(status) ? plan.planId : DEFAULT_PLAN_ID, updatedAt: now })
			.where(eq(tenants.id, tenantId)),
	]);
	// The host lookup carries the plan-gated brand: a downgrade that removes white label shows at once.
	forgetCachedTenantHosts(tenantId);
	return tenantId;
}

/** The plan a subscription schedule switches to at the period end (a downgrade), if any. */
async function scheduledChange(stripe: Stripe, scheduleId: string | null) {
	if (!scheduleId) return null;
	const schedule = await stripe.subscriptionSchedules.retrieve(scheduleId);
	if (schedule.status !== "active" && schedule.status !== "not_started") return null;
	const price = idOf(schedule.phases[1]?.items[0]?.price as string | { id: string } | undefined);
	if (!price) return null;
	return planOfLookupKey((await stripe.prices.retrieve(price)).lookup_key);
}

export async function mirrorInvoice(db: Database, invoice: Stripe.Invoice): Promise<string | null> {
	const tenantId = await tenantOfCustomer(db, invoice.customer);
	if (!tenantId || !invoice.id) return tenantId;
	const row = {
		number: invoice.number ?? null,
		status: invoice.status ?? "draft",
		amountDue: invoice.amount_due,
		amountPaid: invoice.amount_paid,
		currency: invoice.currency,
		hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
		invoicePdf: invoice.invoice_pdf ?? null,
		createdAt: invoice.created * 1000,
	};
	await db
		.insert(invoices)
		.values({ id: invoice.id, tenantId, ...row })
		.onConflictDoUpdate({ target: invoices.id, set: row });
	return tenantId;
}
