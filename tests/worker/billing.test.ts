/**
 * Billing through the local Stripe fake: checkout with a trial, renewal, a failed payment and its
 * recovery, cancellation; webhooks verified, processed once, order-independent; top-ups granted once.
 */
import { env } from "cloudflare:workers";
import { and, eq, inArray } from "drizzle-orm";
import Stripe from "stripe";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BillingSummary } from "../../schema/billing";
import type { EntitlementsResponse } from "../../schema/entitlements";
import { auditEvents, stripeEvents, subscriptions, tenants } from "../../schema/index";
import { createDb, tenantScope } from "../../worker/lib/db";
import { assertWithinLimit, PAYMENT_GRACE_MS } from "../../worker/services/billing/entitlements";
import { type Agency, logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { deliver, deliverAll, fake, payAndDeliver, type SignedEvent } from "../support/stripe";
import { addMember } from "./members";

// Each test walks several Stripe round trips and sign-ups; on a shared 2-core machine that exceeds 5 s.
vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency(uniqueSlug("acme"));
	beta = await signUpAgency(uniqueSlug("beta"));
});

const db = () => createDb(env.DB);

async function billing(agency: Agency): Promise<BillingSummary> {
	const res = await call(agency.host, "/api/v1/billing", { cookie: agency.ownerCookie });
	expect(res.status).toBe(200);
	return res.json();
}

async function checkout(agency: Agency, planId = "pro", interval = "month"): Promise<string> {
	const res = await call(agency.host, "/api/v1/billing/checkout", { cookie: agency.ownerCookie, body: { planId, interval } });
	expect(res.status, await res.clone().text()).toBe(200);
	return ((await res.json()) as { url: string }).url;
}

async function subscriptionId(tenantId: string): Promise<string> {
	const [row] = await db().select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId));
	if (!row) throw new Error("no subscription mirrored");
	return row.stripeSubscriptionId;
}

async function customerOf(subId: string): Promise<string> {
	const res = await fetch(`${(env as { STRIPE_API_BASE?: string }).STRIPE_API_BASE}/v1/subscriptions/${subId}`, {
		headers: { Authorization: "Bearer sk_test_atrium" },
	});
	return ((await res.json()) as { customer: string }).customer;
}

async function step(subId: string, name: "renew" | "retry" | "trial_will_end" | "unpaid"): Promise<SignedEvent[]> {
	return (await fake(`/_fake/subscriptions/${subId}/${name}`)).events;
}

describe("the subscription lifecycle, driven through the Stripe fake", () => {
	it("trial → paid → failed payment → recovered → cancelled", async () => {
		expect(await billing(acme)).toMatchObject({ planId: "starter", status: null, banner: "none", configured: true });
		const url = await checkout(acme);
		expect(url).toMatch(/\/checkout\/cs_test_/);
		await payAndDeliver(url);
		const trial = await billing(acme);
		expect(trial).toMatchObject({ planId: "pro", status: "trialing", interval: "month", cancelAtPeriodEnd: false });
		expect(trial.trialEnd).toBeGreaterThan(Date.now() + 13 * 86_400_000);
		const ent = (await (await call(acme.host, "/api/v1/entitlements", { cookie: acme.ownerCookie })).json()) as EntitlementsResponse;
		expect(ent.features.white_label).toBe(true);
		expect(ent.limits.seats.limit).toBe(15);

		const sub = await subscriptionId(acme.tenantId);
		await deliverAll(await step(sub, "trial_will_end"));
		await deliverAll(await step(sub, "renew"));
		expect(await billing(acme)).toMatchObject({ status: "active", banner: "none" });

		const customer = await customerOf(sub);
		await fake(`/_fake/customers/${customer}/card`, { card: "4000000000000341" });
		await deliverAll(await step(sub, "renew"));
		const failed = await billing(acme);
		expect(failed).toMatchObject({ status: "past_due", banner: "payment_failed", planId: "pro" });
		expect(failed.graceEndsAt).toBe((failed.pastDueSince ?? 0) + PAYMENT_GRACE_MS);
		const scope = tenantScope(db(), acme.tenantId);
		await assertWithinLimit(scope, "seats");
		await expect(assertWithinLimit(scope, "seats", 1, (failed.graceEndsAt ?? 0) + 1)).rejects.toMatchObject({ status: 402 });

		await deliverAll((await fake(`/_fake/customers/${customer}/card`, { card: "4242424242424242" })).events);
		const recovered = await billing(acme);
		expect(recovered).toMatchObject({ status: "active", banner: "none", pastDueSince: null });
		await assertWithinLimit(scope, "seats", 1, (failed.graceEndsAt ?? 0) + 1);

		const invoices = (await (await call(acme.host, "/api/v1/billing/invoices", { cookie: acme.ownerCookie })).json()) as {
			invoices: { status: string; hostedInvoiceUrl: string; invoicePdf: string }[];
		};
		expect(invoices.invoices.map((i) => i.status)).toEqual(["paid", "paid", "paid"]);
		expect((await fetch(invoices.invoices[0]?.invoicePdf ?? "")).headers.get("Content-Type")).toBe("application/pdf");

		const cancel = await call(acme.host, "/api/v1/billing/cancel", { cookie: acme.ownerCookie, body: { reason: "too_expensive" } });
		expect(await cancel.json()).toMatchObject({ cancelAtPeriodEnd: true, banner: "canceling", status: "active" });
		const again = await call(acme.host, "/api/v1/billing/reactivate", { cookie: acme.ownerCookie, method: "POST" });
		expect(await again.json()).toMatchObject({ cancelAtPeriodEnd: false, banner: "none" });
		await call(acme.host, "/api/v1/billing/cancel", { cookie: acme.ownerCookie, body: { reason: "unused", comment: "closing down" } });
		await deliverAll(await step(sub, "renew"));
		expect(await billing(acme)).toMatchObject({ status: "canceled", planId: "starter" });
		const [tenant] = await db().select().from(tenants).where(eq(tenants.id, acme.tenantId));
		expect(tenant?.planId).toBe("starter");
		const actions = (await db().select().from(auditEvents).where(eq(auditEvents.tenantId, acme.tenantId))).map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining(["billing.checkout_started", "billing.subscription_canceled", "billing.subscription_reactivated"]),
		);
		expect((await billing(beta)).status).toBeNull();
	});

	it("upgrades now with the proration shown first", async () => {
		await payAndDeliver(await checkout(acme, "pro", "month"));
		await deliverAll(await step(await subscriptionId(acme.tenantId), "renew"));
		const preview = await call(acme.host, "/api/v1/billing/preview-change", {
			cookie: acme.ownerCookie,
			body: { planId: "agency", interval: "month" },
		});
		const body = (await preview.json()) as { amountDue: number; currency: string };
		expect(body.currency).toBe("usd");
		expect(body.amountDue).toBeGreaterThan(0);
		expect(body.amountDue).toBeLessThanOrEqual(39900 - 14900);
		const changed = await call(acme.host, "/api/v1/billing/change", {
			cookie: acme.ownerCookie,
			body: { planId: "agency", interval: "month" },
		});
		expect(await changed.json()).toMatchObject({ planId: "agency", status: "active" });
		// Stripe charged the previewed proration at once; delivering its events mirrors the invoice.
		const { events } = await fake("/_fake/events");
		await deliverAll(events);
		const invoices = (await (await call(acme.host, "/api/v1/billing/invoices", { cookie: acme.ownerCookie })).json()) as {
			invoices: { amountDue: number; status: string }[];
		};
		expect(invoices.invoices).toContainEqual(expect.objectContaining({ amountDue: body.amountDue, status: "paid" }));
	});

	it("downgrades at the end of the paid period, keeping the current plan until then", async () => {
		await payAndDeliver(await checkout(acme, "agency", "month"));
		const sub = await subscriptionId(acme.tenantId);
		await deliverAll(await step(sub, "renew"));
		const res = await call(acme.host, "/api/v1/billing/change", {
			cookie: acme.ownerCookie,
			body: { planId: "starter", interval: "month" },
		});
		const pending = (await res.json()) as BillingSummary;
		expect(pending).toMatchObject({ planId: "agency", scheduledPlanId: "starter", status: "active" });
		const ent = (await (await call(acme.host, "/api/v1/entitlements", { cookie: acme.ownerCookie })).json()) as EntitlementsResponse;
		expect(ent.features.sso).toBe(true);
		await deliverAll(await step(sub, "renew"));
		expect(await billing(acme)).toMatchObject({ planId: "starter", scheduledPlanId: null, status: "active" });
		const [tenant] = await db().select().from(tenants).where(eq(tenants.id, acme.tenantId));
		expect(tenant?.planId).toBe("starter");
	});
});

describe("POST /api/webhooks/stripe", () => {
	it("refuses a forged or stale signature with a 400 problem and changes nothing", async () => {
		const url = await checkout(acme);
		const paid = await fake<{ events: SignedEvent[] }>(`/_fake/checkout/${new URL(url).pathname.split("/").at(-1)}/pay`, {
			card: "4242424242424242",
		});
		const stripe = new Stripe("sk_test_x", { httpClient: Stripe.createFetchHttpClient() });
		const crypto = Stripe.createSubtleCryptoProvider();
		for (const event of paid.events) {
			const forged = await stripe.webhooks.generateTestHeaderStringAsync({
				payload: event.payload,
				secret: "whsec_wrong",
				cryptoProvider: crypto,
			});
			const stale = await stripe.webhooks.generateTestHeaderStringAsync({
				payload: event.payload,
				secret: "whsec_test_atrium",
				timestamp: Math.floor(Date.now() / 1000) - 3600,
				cryptoProvider: crypto,
			});
			for (const header of [forged, stale, ""]) {
				const res = await deliver({ payload: event.payload, header });
				expect(res.status).toBe(400);
				expect((await problemOf(res)).errors?.[0]?.path).toBe("Stripe-Signature");
			}
		}
		// None of these events was recorded (the table is shared by the tests of the file).
		const ids = paid.events.map((e) => e.id);
		expect(ids.length).toBeGreaterThan(0);
		expect(await db().select().from(stripeEvents).where(inArray(stripeEvents.id, ids))).toEqual([]);
		expect((await billing(acme)).status).toBeNull();
	});

	it("gives the same final state when every event arrives twice and in reverse order", async () => {
		const url = await checkout(acme);
		const paid = await fake<{ events: SignedEvent[] }>(`/_fake/checkout/${new URL(url).pathname.split("/").at(-1)}/pay`, {
			card: "4242424242424242",
		});
		const events = [...paid.events];
		await deliverAll(paid.events.filter((e) => e.type === "customer.subscription.created"));
		const sub = await subscriptionId(acme.tenantId);
		events.push(...(await step(sub, "renew")));
		const customer = await customerOf(sub);
		await fake(`/_fake/customers/${customer}/card`, { card: "4000000000000341" });
		events.push(...(await step(sub, "renew")));
		const reversed = [...events].reverse();
		for (const event of [...reversed, ...reversed]) expect((await deliver(event)).status).toBe(200);
		const dup = (await (await deliver(reversed[0] as SignedEvent)).json()) as { duplicate: boolean };
		expect(dup.duplicate).toBe(true);
		expect(await billing(acme)).toMatchObject({ planId: "pro", status: "past_due", banner: "payment_failed" });
		const invoices = (await (await call(acme.host, "/api/v1/billing/invoices", { cookie: acme.ownerCookie })).json()) as {
			invoices: { status: string }[];
		};
		expect(invoices.invoices.map((i) => i.status)).toEqual(["open", "paid", "paid"]);
	});
});

describe("credit top-ups", () => {
	it("grants a pack once even when the webhook is replayed", async () => {
		const res = await call(acme.host, "/api/v1/billing/top-up", { cookie: acme.ownerCookie, body: { pack: "medium" } });
		const { url } = (await res.json()) as { url: string };
		const events = await payAndDeliver(url);
		for (const event of events) await deliver(event);
		expect(await env.TENANT_GATE.getByName(acme.tenantId).credits()).toMatchObject({ balance: 5000 });
		expect(await env.TENANT_GATE.getByName(beta.tenantId).credits()).toMatchObject({ balance: 0 });
		const grants = (await db().select().from(auditEvents).where(eq(auditEvents.tenantId, acme.tenantId))).filter(
			(e) => e.action === "billing.credits_granted",
		);
		expect(grants).toHaveLength(1);
	});

	it("refuses a declined card on the checkout page and grants nothing", async () => {
		const res = await call(acme.host, "/api/v1/billing/top-up", { cookie: acme.ownerCookie, body: { pack: "small" } });
		const { url } = (await res.json()) as { url: string };
		const form = await fetch(url, { method: "POST", body: new URLSearchParams({ card: "4000 0000 0000 0341" }), redirect: "manual" });
		expect(form.status).toBe(402);
		expect(await form.text()).toMatch(/declined/);
		expect(await env.TENANT_GATE.getByName(acme.tenantId).credits()).toMatchObject({ balance: 0 });
	});
});

describe("who may manage billing", () => {
	it("is the owner only: admin and staff get 403, visitors 401", async () => {
		const [admin, staff] = [`admin@${acme.slug}.test`, `staff@${acme.slug}.test`];
		await addMember(acme.tenantId, "admin", admin);
		await addMember(acme.tenantId, "staff", staff);
		for (const email of [admin, staff]) {
			const cookie = await logIn(acme.host, email);
			const res = await call(acme.host, "/api/v1/billing/checkout", { cookie, body: { planId: "pro", interval: "month" } });
			expect(res.status, email).toBe(403);
			expect((await problemOf(res)).detail).toMatch(/billing:manage/);
			expect((await call(acme.host, "/api/v1/billing", { cookie })).status).toBe(403);
		}
		expect((await call(acme.host, "/api/v1/billing")).status).toBe(401);
		expect(
			await db()
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.tenantId, acme.tenantId), eq(auditEvents.action, "billing.checkout_started"))),
		).toEqual([]);
	});

	it("keeps each agency's billing to itself", async () => {
		await payAndDeliver(await checkout(acme));
		expect((await call(acme.host, "/api/v1/billing", { cookie: beta.ownerCookie })).status).toBe(401);
		expect((await call(acme.host, "/api/v1/billing/cancel", { cookie: beta.ownerCookie, body: { reason: "other" } })).status).toBe(401);
		expect((await billing(beta)).status).toBeNull();
		const betaInvoices = (await (await call(beta.host, "/api/v1/billing/invoices", { cookie: beta.ownerCookie })).json()) as {
			invoices: unknown[];
		};
		expect(betaInvoices.invoices).toEqual([]);
		const cancel = await call(beta.host, "/api/v1/billing/cancel", { cookie: beta.ownerCookie, body: { reason: "other" } });
		expect(cancel.status).toBe(409);
		expect((await billing(acme)).cancelAtPeriodEnd).toBe(false);
	});

	it("names the bad field and changes nothing", async () => {
		for (const [path, body, field] of [
			["/api/v1/billing/checkout", { planId: "platinum", interval: "month" }, "planId"],
			["/api/v1/billing/checkout", { planId: "pro", interval: "week" }, "interval"],
			["/api/v1/billing/top-up", { pack: "huge" }, "pack"],
			["/api/v1/billing/cancel", { reason: "because" }, "reason"],
			["/api/v1/billing/preview-change", { planId: "pro" }, "interval"],
		] as const) {
			const res = await call(acme.host, path, { cookie: acme.ownerCookie, body });
			expect(res.status, path).toBe(422);
			expect(
				(await problemOf(res)).errors?.map((e) => e.path),
				path,
			).toEqual([field]);
		}
		expect(await billing(acme)).toMatchObject({ status: null, planId: "starter" });
	});
});
