/**
 * The fake's /v1 API: exactly the Stripe calls Atrium makes (customers, prices by lookup key,
 * Checkout sessions, subscriptions, invoice previews and lists, refunds, portal sessions, meter
 * events), answering in Stripe's JSON shapes and error format.
 */
import { createCoupon, createPromotionCode, resolveDiscount } from "./discounts";
import { type FormObject, list, obj, str, strings } from "./form-body";
import { advanceClock, changePrice, endSubscription, prorationFor } from "./lifecycle";
import { discountOn, fakeId, type StripeObject } from "./objects";
import type { FakeStripeStore } from "./store";

export type ApiResult = { status: number; body: unknown };

const ok = (body: unknown): ApiResult => ({ status: 200, body });
const missing = (what: string, id: string): ApiResult => ({
	status: 404,
	body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}: '${id}'`, param: "id" } },
});
const invalid = (param: string, message: string): ApiResult => ({
	status: 400,
	body: { error: { type: "invalid_request_error", message, param } },
});

function listOf(data: StripeObject[], url: string): unknown {
	return { object: "list", data, has_more: false, url };
}

function createCheckoutSession(store: FakeStripeStore, form: FormObject): ApiResult {
	const mode = str(form.mode);
	if (mode !== "subscription" && mode !== "payment") return invalid("mode", "mode must be subscription or payment");
	const successUrl = str(form.success_url);
	if (!successUrl) return invalid("success_url", "Missing required param: success_url.");
	const lineItems: { price: string; name: string; amount: number }[] = [];
	let currency = "usd";
	for (const raw of list(form.line_items)) {
		const item = obj(raw);
		const priceId = str(item.price);
		if (priceId) {
			const price = store.prices.get(priceId);
			if (!price) return missing("price", priceId);
			currency = String(price.currency);
			lineItems.push({ price: priceId, name: String(price.nickname), amount: Number(price.unit_amount) });
		} else {
			const data = obj(item.price_data);
			currency = str(data.currency) ?? "usd";
			lineItems.push({ price: fakeId("price"), name: str(obj(data.product_data).name) ?? "Item", amount: Number(str(data.unit_amount)) });
		}
	}
	if (lineItems.length === 0) return invalid("line_items", "Missing required param: line_items.");
	const customer = str(form.customer) ?? null;
	if (customer && !store.customers.has(customer)) return missing("customer", customer);
	const id = fakeId("cs_test");
	const subscriptionData = obj(form.subscription_data);
	const named = list(form.discounts).map((d) => strings(d));
	if (named.length > 1) return invalid("discounts", "You may only specify one discount.");
	const discount = named[0] ? resolveDiscount(store, named[0]) : null;
	if (typeof discount === "string") return invalid("discounts", discount);
	const subtotal = lineItems.reduce((sum, l) => sum + l.amount, 0);
	const amountDiscount = discount ? discountOn(discount.coupon, subtotal) : 0;
	if (discount) store.sessionDiscounts.set(id, discount);
	const session: StripeObject = {
		id,
		object: "checkout.session",
		mode,
		status: "open",
		payment_status: "unpaid",
		url: `${store.baseUrl}/checkout/${id}`,
		success_url: successUrl,
		cancel_url: str(form.cancel_url) ?? successUrl,
		customer,
		customer_email: str(form.customer_email) ?? null,
		client_reference_id: str(form.client_reference_id) ?? null,
		metadata: strings(form.metadata),
		subscription: null,
		payment_intent: null,
		currency,
		amount_subtotal: subtotal,
		amount_total: subtotal - amountDiscount,
		total_details: { amount_discount: amountDiscount, amount_shipping: 0, amount_tax: 0 },
		line_items: lineItems,
		subscription_data: { trial_period_days: str(subscriptionData.trial_period_days), metadata: strings(subscriptionData.metadata) },
		discounts: discount ? [{ coupon: discount.coupon.id, promotion_code: discount.promotionCode?.id ?? null }] : [],
		created: store.now(customer),
		expires_at: store.now(customer) + 86_400,
	};
	store.sessions.set(id, session);
	return ok(session);
}

function updateSubscription(store: FakeStripeStore, subscription: StripeObject, form: FormObject): ApiResult {
	const cancel = str(form.cancel_at_period_end);
	if (cancel !== undefined) {
		subscription.cancel_at_period_end = cancel === "true";
		subscription.cancel_at = cancel === "true" ? store.periodEndOf(subscription) : null;
		subscription.canceled_at = cancel === "true" ? store.now(subscription.customer) : null;
		const details = strings(form.cancellation_details);
		subscription.cancellation_details = {
			comment: details.comment ?? null,
			feedback: details.feedback ?? null,
			reason: cancel === "true" ? "cancellation_requested" : null,
		};
	}
	const metadata = strings(form.metadata);
	if (Object.keys(metadata).length > 0) subscription.metadata = { ...(subscription.metadata as object), ...metadata };
	const item = obj(list(form.items)[0]);
	const priceId = str(item.price);
	if (priceId) {
		const price = store.prices.get(priceId);
		if (!price) return missing("price", priceId);
		changePrice(store, subscription, price, str(form.proration_behavior) ?? "create_prorations");
	}
	store.emit("customer.subscription.updated", subscription);
	return ok(subscription);
}

function previewInvoice(store: FakeStripeStore, form: FormObject): ApiResult {
	const subscriptionId = str(form.subscription) ?? "";
	const subscription = store.subscriptions.get(subscriptionId);
	if (!subscription) return missing("subscription", subscriptionId);
	const details = obj(form.subscription_details);
	const priceId = str(obj(list(details.items)[0]).price) ?? "";
	const price = store.prices.get(priceId);
	if (!price) return missing("price", priceId);
	const proration = prorationFor(store, subscription, price);
	const lines = [{ description: `Remaining time on ${String(price.nickname)} (prorated)`, amount: proration, proration: true }];
	return ok({
		object: "invoice",
		customer: subscription.customer,
		currency: price.currency,
		amount_due: Math.max(0, proration),
		total: proration,
		lines: { object: "list", data: lines },
	});
}

/** A schedule whose single phase is the subscription's current period (Stripe's `from_subscription`). */
function createSchedule(store: FakeStripeStore, form: FormObject): ApiResult {
	const subscriptionId = str(form.from_subscription) ?? "";
	const subscription = store.subscriptions.get(subscriptionId);
	if (!subscription) return missing("subscription", subscriptionId);
	if (subscription.schedule) return invalid("from_subscription", "The subscription is already attached to a schedule.");
	const items = subscription.items as { data: { price: StripeObject; current_period_start: number; current_period_end: number }[] };
	const item = items.data[0];
	const schedule: StripeObject = {
		id: fakeId("sub_sched"),
		object: "subscription_schedule",
		subscription: subscription.id,
		status: "active",
		end_behavior: "release",
		phases: [
			{ items: [{ price: item?.price.id, quantity: 1 }], start_date: item?.current_period_start, end_date: item?.current_period_end },
		],
	};
	store.schedules.set(schedule.id, schedule);
	subscription.schedule = schedule.id;
	return ok(schedule);
}

function updateSchedule(store: FakeStripeStore, schedule: StripeObject, form: FormObject): ApiResult {
	const phases = list(form.phases).map((raw) => {
		const phase = obj(raw);
		return {
			items: list(phase.items).map((i) => ({ price: str(obj(i).price), quantity: 1 })),
			start_date: Number(str(phase.start_date) ?? 0) || null,
			end_date: Number(str(phase.end_date) ?? 0) || null,
		};
	});
	for (const phase of phases)
		for (const item of phase.items) if (!store.prices.has(item.price ?? "")) return missing("price", item.price ?? "");
	schedule.phases = phases;
	schedule.end_behavior = str(form.end_behavior) ?? schedule.end_behavior;
	store.emit("subscription_schedule.updated", schedule);
	return ok(schedule);
}

export function releaseSchedule(store: FakeStripeStore, schedule: StripeObject): StripeObject {
	schedule.status = "released";
	const subscription = store.subscriptions.get(String(schedule.subscription));
	if (subscription) subscription.schedule = null;
	return schedule;
}

/** Routes one /v1 request. `path` excludes the query string; `form` holds body or query parameters. */
export function handleApi(store: FakeStripeStore, method: string, path: string, form: FormObject): ApiResult {
	let m: RegExpMatchArray | null;
	if (method === "POST" && path === "/v1/customers") {
		const id = fakeId("cus");
		const clockId = str(form.test_clock) ?? null;
		if (clockId && !store.testClocks.has(clockId)) return missing("test_clock", clockId);
		const customer = {
			id,
			object: "customer",
			email: str(form.email) ?? null,
			name: str(form.name) ?? null,
			metadata: strings(form.metadata),
			test_clock: clockId,
			created: clockId ? Number(store.testClocks.get(clockId)?.frozen_time) : store.now(),
		};
		store.customers.set(id, customer);
		return ok(customer);
	}
	m = path.match(/^\/v1\/customers\/([\w-]+)$/);
	if (m && method === "GET") {
		const customer = store.customers.get(m[1] ?? "");
		return customer ? ok(customer) : missing("customer", m[1] ?? "");
	}
	if (method === "GET" && path === "/v1/prices") {
		const keys = list(form.lookup_keys).map(String);
		return ok(
			listOf(
				[...store.prices.values()].filter((p) => keys.length === 0 || keys.includes(String(p.lookup_key))),
				"/v1/prices",
			),
		);
	}
	if (method === "POST" && path === "/v1/checkout/sessions") return createCheckoutSession(store, form);
	m = path.match(/^\/v1\/checkout\/sessions\/([\w-]+)$/);
	if (m && method === "GET") {
		const session = store.sessions.get(m[1] ?? "");
		return session ? ok(session) : missing("checkout.session", m[1] ?? "");
	}
	if (method === "GET" && path === "/v1/subscriptions") {
		// Stripe's default leaves cancelled subscriptions out; `status=all` includes them.
		const customer = str(form.customer);
		const status = str(form.status);
		const found = [...store.subscriptions.values()]
			.filter(
				(s) => (!customer || s.customer === customer) && (status === "all" || (status ? s.status === status : s.status !== "canceled")),
			)
			.sort((a, b) => Number(b.created) - Number(a.created));
		return ok(listOf(found.slice(0, Number(str(form.limit) ?? 10)), "/v1/subscriptions"));
	}
	m = path.match(/^\/v1\/subscriptions\/([\w-]+)$/);
	if (m) {
		const subscription = store.subscriptions.get(m[1] ?? "");
		if (!subscription) return missing("subscription", m[1] ?? "");
		if (method === "GET") return ok(subscription);
		if (method === "POST") return updateSubscription(store, subscription, form);
		if (method === "DELETE") {
			endSubscription(store, subscription);
			return ok(subscription);
		}
	}
	m = path.match(/^\/v1\/prices\/([\w-]+)$/);
	if (m && method === "GET") {
		const price = store.prices.get(m[1] ?? "");
		return price ? ok(price) : missing("price", m[1] ?? "");
	}
	if (method === "POST" && path === "/v1/subscription_schedules") return createSchedule(store, form);
	m = path.match(/^\/v1\/subscription_schedules\/([\w-]+)(\/release)?$/);
	if (m) {
		const schedule = store.schedules.get(m[1] ?? "");
		if (!schedule) return missing("subscription_schedule", m[1] ?? "");
		if (method === "GET") return ok(schedule);
		if (m[2]) return ok(releaseSchedule(store, schedule));
		return updateSchedule(store, schedule, form);
	}
	if (method === "POST" && path === "/v1/invoices/create_preview") return previewInvoice(store, form);
	if (method === "GET" && path === "/v1/invoices") {
		const customer = str(form.customer);
		const found = [...store.invoices.values()]
			.filter((i) => !customer || i.customer === customer)
			.sort((a, b) => Number(b.created) - Number(a.created));
		return ok(listOf(found.slice(0, Number(str(form.limit) ?? 10)), "/v1/invoices"));
	}
	m = path.match(/^\/v1\/invoices\/([\w-]+)$/);
	if (m && method === "GET") {
		const invoice = store.invoices.get(m[1] ?? "");
		return invoice ? ok(invoice) : missing("invoice", m[1] ?? "");
	}
	if (method === "GET" && path === "/v1/refunds") {
		const intent = str(form.payment_intent);
		return ok(
			listOf(
				[...store.refunds.values()].filter((r) => !intent || r.payment_intent === intent),
				"/v1/refunds",
			),
		);
	}
	if (method === "POST" && path === "/v1/refunds") {
		const paymentIntent = str(form.payment_intent);
		const invoice = [...store.invoices.values()].find((i) => i.payment_intent === paymentIntent);
		if (!invoice) return missing("payment_intent", paymentIntent ?? "");
		const refunded = [...store.refunds.values()]
			.filter((r) => r.payment_intent === paymentIntent)
			.reduce((sum, r) => sum + Number(r.amount), 0);
		const amount = Number(str(form.amount) ?? Number(invoice.amount_paid) - refunded);
		if (amount <= 0 || amount + refunded > Number(invoice.amount_paid))
			return invalid("amount", "Refund amount is greater than the unrefunded amount paid.");
		const refund = {
			id: fakeId("re"),
			object: "refund",
			amount,
			currency: invoice.currency,
			payment_intent: paymentIntent,
			status: "succeeded",
			reason: str(form.reason) ?? null,
			metadata: strings(form.metadata),
			created: store.now(invoice.customer),
		};
		store.refunds.set(refund.id, refund);
		return ok(refund);
	}
	if (method === "POST" && path === "/v1/coupons") {
		const coupon = createCoupon(store, form);
		return typeof coupon === "string" ? invalid(coupon, `Invalid ${coupon}.`) : ok(coupon);
	}
	m = path.match(/^\/v1\/coupons\/([\w-]+)$/);
	if (m) {
		const coupon = store.coupons.get(m[1] ?? "");
		if (!coupon) return missing("coupon", m[1] ?? "");
		if (method === "GET") return ok(coupon);
		if (method === "DELETE") {
			coupon.valid = false;
			return ok({ id: coupon.id, object: "coupon", deleted: true });
		}
	}
	if (method === "POST" && path === "/v1/promotion_codes") {
		const promo = createPromotionCode(store, form);
		return typeof promo === "string" ? invalid(promo, `Invalid ${promo}.`) : ok(promo);
	}
	m = path.match(/^\/v1\/promotion_codes\/([\w-]+)$/);
	if (m) {
		const promo = store.promotionCodes.get(m[1] ?? "");
		if (!promo) return missing("promotion_code", m[1] ?? "");
		if (method === "POST" && str(form.active) !== undefined) promo.active = str(form.active) === "true";
		return ok(promo);
	}
	if (method === "POST" && path === "/v1/billing_portal/sessions") {
		const customer = str(form.customer) ?? "";
		if (!store.customers.has(customer)) return missing("customer", customer);
		const id = fakeId("bps");
		const portal = {
			id,
			object: "billing_portal.session",
			customer,
			return_url: str(form.return_url) ?? null,
			url: `${store.baseUrl}/portal/${id}`,
			created: store.now(customer),
		};
		store.portalSessions.set(id, portal);
		return ok(portal);
	}
	if (method === "POST" && path === "/v1/billing/meter_events") {
		const identifier = str(form.identifier) ?? fakeId("mev");
		const existing = store.meterEvents.get(identifier);
		if (existing) return invalid("identifier", "An event with this identifier already exists.");
		const event = {
			id: identifier,
			object: "billing.meter_event",
			identifier,
			event_name: str(form.event_name),
			payload: strings(form.payload),
			created: store.now(),
		};
		store.meterEvents.set(identifier, event);
		return ok(event);
	}
	if (method === "POST" && path === "/v1/test_helpers/test_clocks") {
		const frozen = Number(str(form.frozen_time));
		if (!Number.isSafeInteger(frozen) || frozen <= 0) return invalid("frozen_time", "Missing required param: frozen_time.");
		return ok(store.createTestClock(frozen, str(form.name) ?? null));
	}
	m = path.match(/^\/v1\/test_helpers\/test_clocks\/([\w-]+)(\/advance)?$/);
	if (m) {
		const clock = store.testClocks.get(m[1] ?? "");
		if (!clock) return missing("test_clock", m[1] ?? "");
		if (method === "GET" && !m[2]) return ok(clock);
		if (method === "POST" && m[2]) {
			const to = Number(str(form.frozen_time));
			if (!Number.isSafeInteger(to) || to <= Number(clock.frozen_time))
				return invalid("frozen_time", "The test clock can only be advanced to a time after its current frozen time.");
			advanceClock(store, clock, to);
			return ok(clock);
		}
	}
	return { status: 404, body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` } } };
}
