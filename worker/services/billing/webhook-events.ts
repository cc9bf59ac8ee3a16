/**
 * Applies one verified Stripe event, once: its id is inserted first (a redelivery finds it and
 * stops), then the objects it names are re-fetched from Stripe and mirrored. A mirrored live
 * subscription gets its plan's credits for the slice the event falls in (plan-credits.ts); top-up
 * payments grant credits in TenantGate keyed by the Checkout session id; a referred agency's first paid
 * invoice rewards its referrer (once); billing emails go out as jobs.
 */
import { eq } from "drizzle-orm";
import { CREDIT_PACK_IDS, CREDIT_PACKS, type CreditPackId } from "../../../schema/credit-packs";
import { stripeEvents } from "../../../schema/index";
import type { Bindings, Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { enqueue } from "../../lib/jobs";
import type { Stripe } from "../../lib/stripe";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";
import { recordRedemption } from "./coupons";
import { creditPlan } from "./plan-credits";
import { rewardReferrer } from "./referral-rewards";
import { mirrorInvoice, mirrorSubscription, tenantOfCustomer } from "./stripe-mirror";

export type WebhookDeps = { db: Database; stripe: Stripe; env: Pick<Bindings, "TENANT_GATE" | "JOBS"> };

export type EventOutcome = "processed" | "duplicate";

export async function processStripeEvent(deps: WebhookDeps, event: Stripe.Event): Promise<EventOutcome> {
	const inserted = await deps.db
		.insert(stripeEvents)
		.values({ id: event.id, type: event.type, tenantId: null, receivedAt: Date.now() })
		.onConflictDoNothing()
		.returning({ id: stripeEvents.id });
	if (inserted.length === 0) return "duplicate";
	try {
		const tenantId = await applyEvent(deps, event);
		if (tenantId) await deps.db.update(stripeEvents).set({ tenantId }).where(eq(stripeEvents.id, event.id));
		return "processed";
	} catch (error) {
		// Not applied: forget the id so Stripe's retry is processed.
		await deps.db.delete(stripeEvents).where(eq(stripeEvents.id, event.id));
		throw error;
	}
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
	value == null ? null : typeof value === "string" ? value : value.id;

/**
 * Mirrors the subscription as Stripe has it now, then credits its plan at the event's time (Stripe's
 * clock, a test clock's too): the slice's allowance once, or an upgrade's prorated top-up once.
 */
async function syncSubscriptionById(deps: WebhookDeps, id: string | null, at: number): Promise<string | null> {
	if (!id) return null;
	const tenantId = await mirrorSubscription(deps.db, deps.stripe, await deps.stripe.subscriptions.retrieve(id));
	if (tenantId) await creditPlan(deps, tenantId, at);
	return tenantId;
}

async function applyEvent(deps: WebhookDeps, event: Stripe.Event): Promise<string | null> {
	const at = event.created * 1000;
	switch (event.type) {
		case "checkout.session.completed":
		case "checkout.session.async_payment_succeeded": {
			const session = await deps.stripe.checkout.sessions.retrieve(event.data.object.id);
			if (session.mode !== "subscription") return grantTopUp(deps, session);
			const tenantId = await syncSubscriptionById(deps, idOf(session.subscription), at);
			if (tenantId) await countRedemption(deps, session, tenantId);
			return tenantId;
		}
		case "customer.subscription.created":
		case "customer.subscription.updated":
		case "customer.subscription.deleted":
		case "customer.subscription.paused":
		case "customer.subscription.resumed":
			return syncSubscriptionById(deps, event.data.object.id, at);
		case "customer.subscription.trial_will_end": {
			const tenantId = await syncSubscriptionById(deps, event.data.object.id, at);
			if (tenantId) {
				await enqueue(deps.env, {
					type: "billing-email",
					tenantId,
					template: "trial-will-end",
					idempotencyKey: `trial-will-end:${event.data.object.id}:${event.data.object.trial_end ?? 0}`,
				});
			}
			return tenantId;
		}
		case "invoice.paid":
		case "invoice.payment_failed":
		case "invoice.finalized":
		case "invoice.voided":
		case "invoice.marked_uncollectible": {
			const invoice = await deps.stripe.invoices.retrieve(event.data.object.id ?? "");
			const tenantId = await mirrorInvoice(deps.db, invoice);
			await syncSubscriptionById(deps, idOf(invoice.parent?.subscription_details?.subscription), at);
			// Whichever invoice event arrives first with the invoice paid converts a referral (once).
			if (tenantId) await rewardReferrer(deps, tenantId, invoice);
			if (tenantId && event.type === "invoice.payment_failed") {
				await enqueue(deps.env, {
					type: "billing-email",
					tenantId,
					template: "payment-failed",
					idempotencyKey: `payment-failed:${invoice.id}:${invoice.attempt_count}`,
				});
			}
			return tenantId;
		}
		default:
			return null;
	}
}

/** A coupon or flash sale used by this Checkout counts once, however often the event arrives. */
async function countRedemption(deps: WebhookDeps, session: Stripe.Checkout.Session, tenantId: string): Promise<void> {
	const couponId = await recordRedemption(deps.db, session, tenantId);
	if (!couponId) return;
	await recordAudit(tenantScope(deps.db, tenantId), {
		action: "billing.coupon_redeemed",
		actor: SYSTEM_ACTOR,
		target: { type: "coupon", id: couponId },
		detail: { checkoutSession: session.id },
		ip: null,
		userAgent: null,
	});
}

async function grantTopUp(deps: WebhookDeps, session: Stripe.Checkout.Session): Promise<string | null> {
	if (session.payment_status !== "paid" || session.metadata?.kind !== "top_up") return null;
	const tenantId = await tenantOfCustomer(deps.db, session.customer);
	const packId = session.metadata.pack;
	if (!tenantId || !CREDIT_PACK_IDS.includes(packId as CreditPackId)) return tenantId;
	const pack = CREDIT_PACKS[packId as CreditPackId];
	const result = await deps.env.TENANT_GATE.getByName(tenantId).grantCredits({
		amount: pack.credits,
		idempotencyKey: `stripe:${session.id}`,
		reason: `Top-up: ${pack.name}`,
	});
	if (!result.ok) throw new Error(`credit grant refused: ${result.message}`);
	await recordAudit(tenantScope(deps.db, tenantId), {
		action: "billing.credits_granted",
		actor: SYSTEM_ACTOR,
		target: { type: "checkout_session", id: session.id },
		detail: { credits: pack.credits, pack: pack.id, source: "top_up" },
		ip: null,
		userAgent: null,
	});
	return tenantId;
}
