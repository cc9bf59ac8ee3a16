/**
 * What happens to the fake's objects over time: paying a Checkout session, a trial ending, a
 * period renewing (paid or declined), a retry after the card is fixed, plan changes with
 * proration, and cancellation. Each step emits the events real Stripe would send.
 */
import { discountObject, invoicesCovered, redeem } from "./discounts";
import { fakeId, type StripeObject } from "./objects";
import { DECLINING_CARD, type FakeStripeStore, GOOD_CARD } from "./store";

const DAY = 86_400;

function addInterval(from: number, interval: string): number {
	const date = new Date(from * 1000);
	if (interval === "year") date.setUTCFullYear(date.getUTCFullYear() + 1);
	else date.setUTCMonth(date.getUTCMonth() + 1);
	return Math.floor(date.getTime() / 1000);
}

export type PayOutcome = { ok: true; redirect: string } | { ok: false; message: string };

/** The customer submits a card on the Checkout page. */
export function payCheckout(store: FakeStripeStore, session: StripeObject, cardNumber: string): PayOutcome {
	const card = cardNumber.replace(/\s+/g, "");
	if (session.status !== "open") return { ok: false, message: "This checkout session is no longer open." };
	if (card !== GOOD_CARD && card !== DECLINING_CARD) return { ok: false, message: "Your card number is invalid." };
	let customerId = typeof session.customer === "string" ? session.customer : null;
	if (!customerId) {
		customerId = fakeId("cus");
		store.customers.set(customerId, {
			id: customerId,
			object: "customer",
			email: session.customer_email ?? null,
			metadata: {},
			created: store.now(),
		});
		session.customer = customerId;
	}
	const trialDays = Number((session.subscription_data as { trial_period_days?: string } | undefined)?.trial_period_days ?? 0);
	const chargesNow = session.mode === "payment" || trialDays === 0;
	if (chargesNow && card === DECLINING_CARD) return { ok: false, message: "Your card was declined." };
	store.cards.set(customerId, card);
	const discount = store.sessionDiscounts.get(session.id);
	if (discount) redeem(discount);
	session.status = "complete";
	session.payment_status = "paid";
	if (session.mode === "subscription") {
		const subscription = createSubscription(store, session, customerId, trialDays);
		session.subscription = subscription.id;
		if (trialDays > 0) session.payment_status = "no_payment_required";
	} else {
		session.payment_intent = fakeId("pi");
	}
	store.emit("checkout.session.completed", session);
	const redirect = String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id);
	return { ok: true, redirect };
}

function createSubscription(store: FakeStripeStore, session: StripeObject, customerId: string, trialDays: number): StripeObject {
	const lineItems = session.line_items as { price: string }[];
	const price = store.prices.get(lineItems[0]?.price ?? "");
	if (!price) throw new Error("checkout session without a known price");
	const now = store.now(customerId);
	const interval = String((price.recurring as { interval: string }).interval);
	const trialEnd = trialDays > 0 ? now + trialDays * DAY : null;
	const subscription: StripeObject = {
		id: fakeId("sub"),
		object: "subscription",
		customer: customerId,
		status: trialEnd ? "trialing" : "active",
		test_clock: store.customers.get(customerId)?.test_clock ?? null,
		created: now,
		start_date: now,
		trial_start: trialEnd ? now : null,
		trial_end: trialEnd,
		cancel_at_period_end: false,
		cancel_at: null,
		canceled_at: null,
		ended_at: null,
		cancellation_details: { comment: null, feedback: null, reason: null },
		metadata: (session.subscription_data as { metadata?: Record<string, string> } | undefined)?.metadata ?? {},
		latest_invoice: null,
		schedule: null,
		discounts: [],
		items: {
			object: "list",
			data: [
				{
					id: fakeId("si"),
					object: "subscription_item",
					price,
					quantity: 1,
					current_period_start: now,
					current_period_end: trialEnd ?? addInterval(now, interval),
				},
			],
		},
	};
	store.subscriptions.set(subscription.id, subscription);
	const discount = store.sessionDiscounts.get(session.id);
	if (discount) {
		store.subscriptionDiscounts.set(subscription.id, { ...discount, remaining: invoicesCovered(discount.coupon, interval) });
		subscription.discounts = [discountObject(discount, subscription.id)];
	}
	const amount = trialEnd ? 0 : Number(price.unit_amount);
	const invoice = store.createInvoice(
		customerId,
		subscription,
		amount,
		String(price.currency),
		String(price.nickname),
		"subscription_create",
	);
	store.collect(invoice);
	store.emit("customer.subscription.created", subscription);
	return subscription;
}

/** Three days before a trial ends, Stripe warns. */
export function trialWillEnd(store: FakeStripeStore, subscription: StripeObject): void {
	store.emit("customer.subscription.trial_will_end", subscription);
}

/** The current period (or trial) ends: cancel if asked to, otherwise invoice the next period and charge it. */
export function renew(store: FakeStripeStore, subscription: StripeObject): void {
	const end = store.periodEndOf(subscription);
	store.advanceTo(String(subscription.customer), end);
	if (subscription.cancel_at_period_end === true) {
		endSubscription(store, subscription);
		return;
	}
	applyScheduledPhase(store, subscription);
	const price = store.priceOf(subscription);
	const next = addInterval(end, String((price.recurring as { interval: string }).interval));
	store.setPeriod(subscription, end, next);
	const invoice = store.createInvoice(
		String(subscription.customer),
		subscription,
		Number(price.unit_amount),
		String(price.currency),
		String(price.nickname),
		"subscription_cycle",
	);
	const paid = store.collect(invoice);
	subscription.status = paid ? "active" : "past_due";
	store.emit("customer.subscription.updated", subscription);
}

/** At a period end, a schedule's next phase (a downgrade) takes over and the schedule is released. */
function applyScheduledPhase(store: FakeStripeStore, subscription: StripeObject): void {
	const schedule = subscription.schedule ? store.schedules.get(String(subscription.schedule)) : undefined;
	if (!schedule) return;
	const phases = schedule.phases as { items: { price: string }[] }[];
	const next = store.prices.get(phases[1]?.items[0]?.price ?? "");
	const items = subscription.items as { data: Record<string, unknown>[] };
	if (next && items.data[0]) items.data[0].price = next;
	schedule.status = "released";
	subscription.schedule = null;
}

/**
 * A test clock moves to `to`: for each subscription of its customers, in time order, Stripe's
 * three-day trial warning and every period end reached happen at their own times, then the clock
 * rests at `to`. Like Stripe, a clock only moves forward.
 */
export function advanceClock(store: FakeStripeStore, clock: StripeObject, to: number): void {
	const customers = new Set([...store.customers.values()].filter((c) => c.test_clock === clock.id).map((c) => c.id));
	for (const subscription of store.subscriptions.values()) {
		if (!customers.has(String(subscription.customer))) continue;
		const customer = String(subscription.customer);
		// Bounded: at most a few years of monthly periods in one advance.
		for (let step = 0; step < 60 && subscription.status !== "canceled"; step++) {
			const warnAt = subscription.status === "trialing" && subscription.trial_end ? Number(subscription.trial_end) - 3 * DAY : null;
			if (warnAt !== null && warnAt > store.now(customer) && warnAt <= to) {
				store.advanceTo(customer, warnAt);
				trialWillEnd(store, subscription);
				continue;
			}
			if (store.periodEndOf(subscription) > to) break;
			renew(store, subscription);
		}
	}
	if (to > Number(clock.frozen_time)) clock.frozen_time = to;
}

/** The card on file is replaced (through the portal), and open invoices are retried. */
export function updateCard(store: FakeStripeStore, customerId: string, cardNumber: string): void {
	store.cards.set(customerId, cardNumber.replace(/\s+/g, ""));
	for (const subscription of store.subscriptions.values()) {
		if (subscription.customer === customerId && subscription.status === "past_due") retry(store, subscription);
	}
}

/** Retries the open invoices of a subscription; all paid → active again. */
export function retry(store: FakeStripeStore, subscription: StripeObject): void {
	const open = store.openInvoicesOf(subscription);
	const allPaid = open.map((invoice) => store.collect(invoice)).every(Boolean);
	if (allPaid && subscription.status !== "active") {
		subscription.status = "active";
		store.emit("customer.subscription.updated", subscription);
	}
}

/** Dunning gave up: the subscription becomes unpaid. */
export function markUnpaid(store: FakeStripeStore, subscription: StripeObject): void {
	subscription.status = "unpaid";
	store.emit("customer.subscription.updated", subscription);
}

export function endSubscription(store: FakeStripeStore, subscription: StripeObject): void {
	subscription.status = "canceled";
	subscription.canceled_at = subscription.canceled_at ?? store.now(subscription.customer);
	subscription.ended_at = store.now(subscription.customer);
	store.emit("customer.subscription.deleted", subscription);
}

/** The proration for switching to `price` now: the unused part of the old price against the new one. */
export function prorationFor(store: FakeStripeStore, subscription: StripeObject, price: StripeObject): number {
	if (subscription.status === "trialing") return 0;
	const items = subscription.items as { data: { current_period_start: number; current_period_end: number }[] };
	const item = items.data[0];
	if (!item) return 0;
	const length = item.current_period_end - item.current_period_start;
	const left = Math.max(0, item.current_period_end - store.now(subscription.customer));
	const fraction = length > 0 ? left / length : 0;
	const oldPrice = Number(store.priceOf(subscription).unit_amount);
	return Math.round((Number(price.unit_amount) - oldPrice) * fraction);
}

/** Switches the subscription's price; `always_invoice` charges the proration at once. */
export function changePrice(store: FakeStripeStore, subscription: StripeObject, price: StripeObject, prorationBehavior: string): void {
	const amount = prorationFor(store, subscription, price);
	const items = subscription.items as { data: Record<string, unknown>[] };
	const item = items.data[0];
	if (item) item.price = price;
	if (prorationBehavior === "always_invoice" && amount > 0) {
		const invoice = store.createInvoice(
			String(subscription.customer),
			subscription,
			amount,
			String(price.currency),
			`Proration to ${String(price.nickname)}`,
			"subscription_update",
		);
		if (!store.collect(invoice)) subscription.status = "past_due";
	}
}
