/**
 * The Stripe fake's state and the business rules it imitates: customers with a test card,
 * prices for every plan, Checkout sessions, subscriptions with trials and renewals, invoices and
 * the events each change produces. Time follows Stripe's test clocks: a customer created with a
 * `test_clock` lives at that clock's frozen time, every other customer at the real time; moving a
 * clock (or a test control that ends a period) moves only its customers, never everyone.
 */
import { planLookupKey } from "../../../schema/credit-packs";
import { BILLING_INTERVALS, PLANS } from "../../../schema/plans";
import { type AppliedDiscount, discountOn, type FakeEvent, fakeId, type StripeObject, type SubscriptionDiscount } from "./objects";

export const GOOD_CARD = "4242424242424242";
/** Attaches fine but every charge is declined (Stripe's 4000 0000 0000 0341). */
export const DECLINING_CARD = "4000000000000341";

export class FakeStripeStore {
	readonly customers = new Map<string, StripeObject>();
	readonly cards = new Map<string, string>();
	readonly prices = new Map<string, StripeObject>();
	readonly sessions = new Map<string, StripeObject>();
	readonly subscriptions = new Map<string, StripeObject>();
	readonly invoices = new Map<string, StripeObject>();
	readonly refunds = new Map<string, StripeObject>();
	readonly schedules = new Map<string, StripeObject>();
	readonly portalSessions = new Map<string, StripeObject>();
	readonly meterEvents = new Map<string, StripeObject>();
	readonly coupons = new Map<string, StripeObject>();
	readonly promotionCodes = new Map<string, StripeObject>();
	/** Subscription id → the discount it carries and how many charged invoices it still covers. */
	readonly subscriptionDiscounts = new Map<string, SubscriptionDiscount>();
	/** Checkout session id → the discount it was created with. */
	readonly sessionDiscounts = new Map<string, AppliedDiscount>();
	/** Idempotency-Key → the answer given, so a retried POST returns the same object. */
	readonly idempotentAnswers = new Map<string, { status: number; body: unknown }>();
	readonly events: FakeEvent[] = [];
	/** Test clocks (`test_helpers.test_clock`): id → clock with its `frozen_time` (seconds). */
	readonly testClocks = new Map<string, StripeObject>();
	private invoiceNumber = 0;

	constructor(readonly baseUrl: string) {
		for (const plan of Object.values(PLANS)) {
			for (const interval of BILLING_INTERVALS) {
				const id = `price_${plan.id}_${interval}`;
				this.prices.set(id, {
					id,
					object: "price",
					active: true,
					currency: plan.currency,
					unit_amount: plan.prices[interval],
					lookup_key: planLookupKey(plan.id, interval),
					recurring: { interval, interval_count: 1 },
					product: `prod_${plan.id}`,
					type: "recurring",
					nickname: plan.name,
				});
			}
		}
	}

	/** The time of `customer` (an id): its test clock's frozen time, else the real time (seconds). */
	now(customer?: unknown): number {
		const clock = this.clockOf(customer);
		return clock ? Number(clock.frozen_time) : Math.floor(Date.now() / 1000);
	}

	clockOf(customer: unknown): StripeObject | undefined {
		const clockId = typeof customer === "string" ? this.customers.get(customer)?.test_clock : undefined;
		return typeof clockId === "string" ? this.testClocks.get(clockId) : undefined;
	}

	createTestClock(frozenTime: number, name: string | null): StripeObject {
		const clock: StripeObject = {
			id: fakeId("clock"),
			object: "test_helpers.test_clock",
			created: Math.floor(Date.now() / 1000),
			deletes_after: Math.floor(Date.now() / 1000) + 30 * 86_400,
			frozen_time: frozenTime,
			livemode: false,
			name,
			status: "ready",
		};
		this.testClocks.set(clock.id, clock);
		return clock;
	}

	/**
	 * Moves `customer`'s time forward to `to` (seconds), never back. A customer without a test clock
	 * is first given its own, frozen at the present, so a test control moves that customer alone.
	 */
	advanceTo(customer: string, to: number): void {
		let clock = this.clockOf(customer);
		const record = this.customers.get(customer);
		if (!clock && record) {
			clock = this.createTestClock(this.now(), "implicit");
			record.test_clock = clock.id;
		}
		if (clock && to > Number(clock.frozen_time)) clock.frozen_time = to;
	}

	emit(type: string, object: StripeObject): FakeEvent {
		// An event is stamped with the time of the customer it concerns (its test clock, if any).
		const customer = object.object === "customer" ? object.id : object.customer;
		const event = { id: fakeId("evt"), type, created: this.now(customer), data: { object: structuredClone(object) } };
		this.events.push(event);
		return event;
	}

	cardWorks(customerId: string): boolean {
		return this.cards.get(customerId) === GOOD_CARD;
	}

	priceOf(subscription: StripeObject): StripeObject {
		const items = subscription.items as { data: { price: StripeObject }[] };
		const price = items.data[0]?.price;
		if (!price) throw new Error("subscription without a price");
		return price;
	}

	periodEndOf(subscription: StripeObject): number {
		const items = subscription.items as { data: { current_period_end: number }[] };
		return items.data[0]?.current_period_end ?? this.now();
	}

	setPeriod(subscription: StripeObject, start: number, end: number): void {
		const items = subscription.items as { data: Record<string, unknown>[] };
		for (const item of items.data) {
			item.current_period_start = start;
			item.current_period_end = end;
		}
	}

	/** An invoice for a subscription (or a one-off), charged at once with the customer's card. */
	createInvoice(
		customerId: string,
		subscription: StripeObject | null,
		amount: number,
		currency: string,
		description: string,
		billingReason: string,
	): StripeObject {
		const id = fakeId("in");
		this.invoiceNumber += 1;
		const subtotal = amount;
		const discount = this.discountFor(subscription, amount, billingReason);
		amount -= discount?.amount ?? 0;
		const invoice: StripeObject = {
			id,
			object: "invoice",
			customer: customerId,
			status: "open",
			number: `FAKE-${String(this.invoiceNumber).padStart(4, "0")}`,
			amount_due: amount,
			amount_paid: 0,
			amount_remaining: amount,
			subtotal,
			total: amount,
			discounts: discount ? [discount.id] : [],
			total_discount_amounts: discount ? [{ amount: discount.amount, discount: discount.id }] : [],
			discount_name: discount?.name ?? null,
			payments: { object: "list", data: [], has_more: false },
			currency,
			created: this.now(customerId),
			billing_reason: billingReason,
			attempt_count: 0,
			hosted_invoice_url: `${this.baseUrl}/invoices/${id}`,
			invoice_pdf: `${this.baseUrl}/invoices/${id}/pdf`,
			parent: subscription
				? { type: "subscription_details", subscription_details: { subscription: subscription.id, metadata: subscription.metadata } }
				: null,
			lines: { object: "list", data: [{ id: fakeId("il"), description, amount: subtotal, currency }] },
		};
		this.invoices.set(id, invoice);
		if (subscription) subscription.latest_invoice = id;
		return invoice;
	}

	/** The subscription's discount on a charged invoice (not on prorations), using up one covered invoice. */
	private discountFor(subscription: StripeObject | null, amount: number, billingReason: string) {
		const held = subscription ? this.subscriptionDiscounts.get(subscription.id) : undefined;
		if (!subscription || !held || amount <= 0 || billingReason === "subscription_update") return null;
		if (held.remaining !== null) {
			held.remaining -= 1;
			if (held.remaining <= 0) {
				this.subscriptionDiscounts.delete(subscription.id);
				subscription.discounts = [];
			}
		}
		const name = String(held.coupon.name ?? held.coupon.id);
		return { id: held.discountId, amount: discountOn(held.coupon, amount), name };
	}

	/** Tries to collect an open invoice; emits invoice.paid or invoice.payment_failed. */
	collect(invoice: StripeObject): boolean {
		invoice.attempt_count = Number(invoice.attempt_count) + 1;
		if (invoice.amount_due === 0 || this.cardWorks(String(invoice.customer))) {
			invoice.status = "paid";
			invoice.amount_paid = invoice.amount_due;
			invoice.amount_remaining = 0;
			invoice.payment_intent = fakeId("pi");
			invoice.payments = {
				object: "list",
				has_more: false,
				data: [
					{
						id: fakeId("inpay"),
						object: "invoice_payment",
						amount_paid: invoice.amount_due,
						status: "paid",
						payment: { type: "payment_intent", payment_intent: invoice.payment_intent },
					},
				],
			};
			this.emit("invoice.paid", invoice);
			return true;
		}
		this.emit("invoice.payment_failed", invoice);
		return false;
	}

	subscriptionOfInvoice(invoice: StripeObject): StripeObject | undefined {
		const parent = invoice.parent as { subscription_details?: { subscription?: string } } | null;
		const id = parent?.subscription_details?.subscription;
		return id ? this.subscriptions.get(id) : undefined;
	}

	openInvoicesOf(subscription: StripeObject): StripeObject[] {
		return [...this.invoices.values()].filter((i) => i.status === "open" && this.subscriptionOfInvoice(i)?.id === subscription.id);
	}
}
