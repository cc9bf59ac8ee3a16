/**
 * What the owner does in Billing: see the state, check out a plan or a credit pack, open the
 * portal, preview and make a plan change, cancel and reactivate, list invoices. Each talks to
 * Stripe and mirrors the result at once (webhooks later confirm the same state).
 */
import { desc } from "drizzle-orm";
import type { BillingSummary } from "../../../schema/billing";
import { CREDIT_PACKS, type CreditPackId, planLookupKey } from "../../../schema/credit-packs";
import { invoices, subscriptions } from "../../../schema/index";
import { type BillingInterval, PLAN_IDS, PLANS, type PlanId } from "../../../schema/plans";
import type { TenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";
import type { Stripe } from "../../lib/stripe";
import type { CheckoutDiscount } from "./coupons";
import { findCustomerId } from "./customers";
import { loadAccessState } from "./entitlements";
import { mirrorSubscription } from "./stripe-mirror";

const TRIAL_WARNING_MS = 3 * 86_400_000;

async function currentSubscription(scope: TenantScope) {
	const [row] = await scope.db.select().from(subscriptions).where(scope.where(subscriptions)).limit(1);
	return row ?? null;
}

export async function billingSummary(scope: TenantScope, configured: boolean, now = Date.now()): Promise<BillingSummary> {
	const [state, sub] = await Promise.all([loadAccessState(scope, now), currentSubscription(scope)]);
	const banner: BillingSummary["banner"] = state.restricted
		? "access_reduced"
		: sub?.status === "past_due"
			? "payment_failed"
			: sub?.status === "trialing" && sub.trialEnd !== null && sub.trialEnd - now < TRIAL_WARNING_MS
				? "trial_ending"
				: sub?.cancelAtPeriodEnd && sub.status !== "canceled"
					? "canceling"
					: "none";
	return {
		planId: state.plan.id,
		status: sub?.status ?? null,
		interval: sub?.interval ?? null,
		currentPeriodEnd: sub?.currentPeriodEnd ?? null,
		cancelAtPeriodEnd: sub?.cancelAtPeriodEnd ?? false,
		trialEnd: sub?.trialEnd ?? null,
		pastDueSince: sub?.pastDueSince ?? null,
		scheduledPlanId: sub?.scheduledPlanId ?? null,
		graceEndsAt: state.graceEndsAt,
		banner,
		configured,
	};
}

export async function priceIdFor(stripe: Stripe, planId: PlanId, interval: BillingInterval): Promise<string> {
	const key = planLookupKey(planId, interval);
	const prices = await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 });
	const price = prices.data[0];
	if (!price)
		throw new Problem(503, "price-missing", "Plan price missing in Stripe", `No Stripe price has lookup key ${key}; see docs/BILLING.md.`);
	return price.id;
}

const conflict = (detail: string) => new Problem(409, "subscription-state", "Not possible now", detail);

/** A live subscription blocks a second checkout: plan changes go through /change. */
export async function startCheckout(
	scope: TenantScope,
	stripe: Stripe,
	input: { customerId: string; planId: PlanId; interval: BillingInterval; discount: CheckoutDiscount | null; returnUrl: string },
): Promise<string> {
	const sub = await currentSubscription(scope);
	if (sub && !["canceled", "incomplete_expired"].includes(sub.status))
		throw conflict("The agency already has a subscription; change its plan instead.");
	const plan = PLANS[input.planId];
	const session = await stripe.checkout.sessions.create({
		mode: "subscription",
		customer: input.customerId,
		client_reference_id: scope.tenantId,
		line_items: [{ price: await priceIdFor(stripe, input.planId, input.interval), quantity: 1 }],
		subscription_data: {
			...(sub ? {} : { trial_period_days: plan.trialDays }),
			metadata: { tenantId: scope.tenantId, planId: plan.id },
		},
		...(input.discount ? { discounts: [input.discount] } : {}),
		metadata: { tenantId: scope.tenantId, kind: "subscription" },
		success_url: `${input.returnUrl}?checkout=success&session={CHECKOUT_SESSION_ID}`,
		cancel_url: `${input.returnUrl}?checkout=canceled`,
	});
	if (!session.url) throw new Error("Checkout session without a URL");
	return session.url;
}

export async function startTopUp(
	stripe: Stripe,
	scope: TenantScope,
	input: { customerId: string; pack: CreditPackId; returnUrl: string },
): Promise<string> {
	const pack = CREDIT_PACKS[input.pack];
	const session = await stripe.checkout.sessions.create({
		mode: "payment",
		customer: input.customerId,
		client_reference_id: scope.tenantId,
		line_items: [{ price_data: { currency: pack.currency, unit_amount: pack.price, product_data: { name: pack.name } }, quantity: 1 }],
		metadata: { tenantId: scope.tenantId, kind: "top_up", pack: pack.id },
		success_url: `${input.returnUrl}?top-up=success`,
		cancel_url: `${input.returnUrl}?top-up=canceled`,
	});
	if (!session.url) throw new Error("Checkout session without a URL");
	return session.url;
}

async function liveSubscription(scope: TenantScope) {
	const sub = await currentSubscription(scope);
	if (!sub || sub.status === "canceled" || sub.status === "incomplete_expired")
		throw conflict("The agency has no active subscription; check out a plan first.");
	return sub;
}

export async function previewPlanChange(scope: TenantScope, stripe: Stripe, planId: PlanId, interval: BillingInterval) {
	const sub = await liveSubscription(scope);
	const stripeSub = await stripe.subscriptions.retrieve(sub.stripeSubscriptionId);
	const preview = await stripe.invoices.createPreview({
		customer: String(stripeSub.customer),
		subscription: sub.stripeSubscriptionId,
		subscription_details: {
			items: [{ id: stripeSub.items.data[0]?.id, price: await priceIdFor(stripe, planId, interval) }],
			proration_behavior: "always_invoice",
		},
	});
	return {
		amountDue: preview.amount_due,
		currency: preview.currency,
		lines: preview.lines.data.map((l) => ({ description: l.description ?? "", amount: l.amount })),
	};
}

/** A move to a lower plan: it waits for the period end, which the agency has paid for. */
export function isDowngrade(from: PlanId, to: PlanId): boolean {
	return PLAN_IDS.indexOf(to) < PLAN_IDS.indexOf(from);
}

/** Upgrades (and interval switches) apply now with proration; downgrades are scheduled for the period end. */
export async function changePlan(
	scope: TenantScope,
	stripe: Stripe,
	planId: PlanId,
	interval: BillingInterval,
): Promise<"now" | "period_end"> {
	const sub = await liveSubscription(scope);
	if (sub.planId === planId && sub.interval === interval) throw conflict("The agency is already on this plan.");
	const stripeSub = await stripe.subscriptions.retrieve(sub.stripeSubscriptionId);
	const scheduleId = typeof stripeSub.schedule === "string" ? stripeSub.schedule : (stripeSub.schedule?.id ?? null);
	if (isDowngrade(sub.planId, planId)) {
		const item = stripeSub.items.data[0];
		if (!item) throw new Error("subscription without an item");
		const schedule = scheduleId ?? (await stripe.subscriptionSchedules.create({ from_subscription: stripeSub.id })).id;
		await stripe.subscriptionSchedules.update(schedule, {
			end_behavior: "release",
			phases: [
				{ items: [{ price: item.price.id, quantity: 1 }], start_date: item.current_period_start, end_date: item.current_period_end },
				{ items: [{ price: await priceIdFor(stripe, planId, interval), quantity: 1 }] },
			],
		});
		await mirrorSubscription(scope.db, stripe, await stripe.subscriptions.retrieve(stripeSub.id));
		return "period_end";
	}
	// An upgrade replaces any pending downgrade.
	if (scheduleId) await stripe.subscriptionSchedules.release(scheduleId);
	const updated = await stripe.subscriptions.update(sub.stripeSubscriptionId, {
		items: [{ id: stripeSub.items.data[0]?.id, price: await priceIdFor(stripe, planId, interval) }],
		proration_behavior: "always_invoice",
		metadata: { planId },
	});
	await mirrorSubscription(scope.db, stripe, updated);
	return "now";
}

export async function setCancelAtPeriodEnd(
	scope: TenantScope,
	stripe: Stripe,
	cancel: boolean,
	reason?: string,
	comment?: string,
): Promise<void> {
	const sub = await liveSubscription(scope);
	if (!cancel && !sub.cancelAtPeriodEnd) throw conflict("The subscription is not set to cancel.");
	const updated = await stripe.subscriptions.update(sub.stripeSubscriptionId, {
		cancel_at_period_end: cancel,
		...(cancel ? { cancellation_details: { comment: comment ? `${reason}: ${comment}` : reason } } : {}),
	});
	await mirrorSubscription(scope.db, stripe, updated);
}

export async function portalUrl(scope: TenantScope, stripe: Stripe, returnUrl: string): Promise<string> {
	const customer = await findCustomerId(scope);
	if (!customer) throw conflict("The agency has no billing account yet; check out a plan first.");
	return (await stripe.billingPortal.sessions.create({ customer, return_url: returnUrl })).url;
}

export async function listInvoices(scope: TenantScope) {
	return scope.db.select().from(invoices).where(scope.where(invoices)).orderBy(desc(invoices.createdAt)).limit(100);
}
