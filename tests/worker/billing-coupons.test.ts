/**
 * Coupons and flash sales through the Stripe fake: the operator creates them, the owner types a
 * code at checkout (or a running flash sale applies), the fake's Checkout page and invoices show
 * the discount, and each redemption is counted once however the webhooks arrive.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { auditEvents, subscriptions } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import { checkoutDiscount } from "../../worker/services/billing/coupons";
import { type Agency, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { deliverAll, fake, type SignedEvent, sessionIdOf } from "../support/stripe";
import { asOperator, type CouponDto, couponById, createCoupon, uniqueCode } from "./operator";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency(uniqueSlug("acme"));
	beta = await signUpAgency(uniqueSlug("beta"));
});

const db = () => createDb(env.DB);

function checkout(agency: Agency, coupon?: string) {
	return call(agency.host, "/api/v1/billing/checkout", {
		cookie: agency.ownerCookie,
		body: { planId: "pro", interval: "month", ...(coupon === undefined ? {} : { coupon }) },
	});
}

async function checkoutUrl(agency: Agency, coupon?: string): Promise<string> {
	const res = await checkout(agency, coupon);
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { url: string }).url;
}

async function pay(url: string): Promise<SignedEvent[]> {
	const paid = await fake<{ ok: boolean; events: SignedEvent[] }>(`/_fake/checkout/${sessionIdOf(url)}/pay`, { card: "4242424242424242" });
	expect(paid.ok).toBe(true);
	return paid.events;
}

async function renew(tenantId: string): Promise<void> {
	const [row] = await db().select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
	await deliverAll((await fake(`/_fake/subscriptions/${row?.stripeSubscriptionId}/renew`)).events);
}

async function invoicesOf(agency: Agency): Promise<{ amountDue: number; amountPaid: number; status: string; hostedInvoiceUrl: string }[]> {
	const res = await call(agency.host, "/api/v1/billing/invoices", { cookie: agency.ownerCookie });
	return ((await res.json()) as { invoices: [] }).invoices;
}

describe("a coupon code at checkout", () => {
	it("discounts Checkout and the first charged invoice, and counts one redemption however often the webhook arrives", async () => {
		const code = uniqueCode("SAVE20");
		const coupon = await createCoupon({ kind: "code", code, name: "Launch 20%", percentOff: 20, duration: "once", maxRedemptions: 1 });
		const url = await checkoutUrl(acme, code.toLowerCase());
		const page = await (await fetch(url)).text();
		expect(page).toContain("Pro: 149.00 USD");
		expect(page).toContain("Discount: −29.80 USD");
		expect(page).toContain("Total: 119.20 USD");

		const events = await pay(url);
		await deliverAll([...events].reverse());
		await deliverAll(events);
		expect((await couponById(coupon.id))?.redemptions).toBe(1);
		const audit = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, acme.tenantId));
		expect(audit.filter((e) => e.action === "billing.coupon_redeemed")).toHaveLength(1);

		// The trial invoice is free; the first charged one carries the discount, the next does not ("once").
		await renew(acme.tenantId);
		await renew(acme.tenantId);
		const [second, first] = await invoicesOf(acme);
		expect(first).toMatchObject({ amountDue: 11920, amountPaid: 11920, status: "paid" });
		expect(second).toMatchObject({ amountDue: 14900, amountPaid: 14900 });
		const hosted = await (await fetch(first?.hostedInvoiceUrl ?? "")).text();
		expect(hosted).toContain("Discount (Launch 20%): −29.80 USD");
		expect(hosted).toContain("Amount due: 119.20 USD");

		// Used up: another agency is told so, naming the field, and no Checkout starts.
		const exhausted = await checkout(beta, code);
		expect(exhausted.status).toBe(422);
		expect((await problemOf(exhausted)).errors).toEqual([{ path: "coupon", message: "has been used the maximum number of times" }]);
	});

	it("refuses unknown, deactivated and expired codes with 422 naming coupon", async () => {
		const unknown = await checkout(acme, "NOPE-123");
		expect(unknown.status).toBe(422);
		expect((await problemOf(unknown)).errors?.[0]).toEqual({ path: "coupon", message: "is not a valid code" });

		const code = uniqueCode("GONE");
		const coupon = await createCoupon({ kind: "code", code, name: "Gone", amountOff: 1000, currency: "usd", duration: "forever" });
		expect((await asOperator(`/api/operator/coupons/${coupon.id}`, { method: "DELETE" })).status).toBe(200);
		expect((await problemOf(await checkout(acme, code))).errors?.[0]?.path).toBe("coupon");

		const soon = uniqueCode("SOON");
		const expiresAt = Date.now() + 60_000;
		await createCoupon({ kind: "code", code: soon, name: "Soon", percentOff: 10, duration: "once", expiresAt });
		await expect(checkoutDiscount(db(), soon, expiresAt + 1)).rejects.toMatchObject({
			status: 422,
			errors: [{ path: "coupon", message: "has expired" }],
		});
		expect((await call(acme.host, "/api/v1/billing", { cookie: acme.ownerCookie }).then((r) => r.json())) as object).toMatchObject({
			status: null,
		});
	});

	it("applies a repeating amount-off coupon for its months only", async () => {
		const code = uniqueCode("TWO");
		await createCoupon({
			kind: "code",
			code,
			name: "Two months",
			amountOff: 5000,
			currency: "usd",
			duration: "repeating",
			durationInMonths: 2,
		});
		await deliverAll(await pay(await checkoutUrl(acme, code)));
		for (let i = 0; i < 3; i += 1) await renew(acme.tenantId);
		const charged = (await invoicesOf(acme)).filter((i) => i.amountDue > 0).map((i) => i.amountDue);
		expect(charged).toEqual([14900, 9900, 9900]);
	});
});

/**
 * A flash sale applies to every agency's checkout while it runs (a platform-wide singleton), so
 * each test ends its own sales when it finishes, leaving none running for the next test of the file.
 */
async function flashSale(body: Record<string, unknown>): Promise<CouponDto> {
	const sale = await createCoupon({ kind: "flash_sale", ...body });
	onTestFinished(async () => {
		expect((await asOperator(`/api/operator/coupons/${sale.id}`, { method: "DELETE" })).status).toBe(200);
	});
	return sale;
}

describe("flash sales", () => {
	it("apply without a code while they run, and not before", async () => {
		const now = Date.now();
		const later = await flashSale({
			name: "Next week",
			percentOff: 50,
			duration: "once",
			startsAt: now + 7 * 86_400_000,
			endsAt: now + 8 * 86_400_000,
		});
		expect(later.code).toBeNull();
		const before = await (await fetch(await checkoutUrl(beta))).text();
		expect(before).not.toContain("Discount");

		const sale = await flashSale({
			name: "Cyber Monday",
			percentOff: 30,
			duration: "once",
			startsAt: now - 1000,
			endsAt: now + 86_400_000,
		});
		const url = await checkoutUrl(acme);
		expect(await (await fetch(url)).text()).toContain("Discount: −44.70 USD");
		await deliverAll(await pay(url));
		expect((await couponById(sale.id))?.redemptions).toBe(1);
		expect((await couponById(later.id))?.redemptions).toBe(0);
		expect(await checkoutDiscount(db(), undefined, now + 2 * 86_400_000)).toBeNull();
	});

	it("a typed code wins over the running flash sale", async () => {
		const now = Date.now();
		await flashSale({
			name: "Sale",
			percentOff: 30,
			duration: "once",
			startsAt: now - 1000,
			endsAt: now + 86_400_000,
		});
		const code = uniqueCode("TEN");
		await createCoupon({ kind: "code", code, name: "Ten", percentOff: 10, duration: "once" });
		expect(await (await fetch(await checkoutUrl(acme, code))).text()).toContain("Discount: −14.90 USD");
	});
});
