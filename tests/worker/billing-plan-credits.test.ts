/**
 * Plans grant what they sell: a trial or a paid plan gets its monthly AI credits at once, each
 * period again, an upgrade the prorated difference; each grant once (replays, the cron, races), each
 * a ledger row with its reason. Dates follow Stripe's test clocks: the agency's customer lives on a
 * clock frozen at a chosen moment, and only that clock moves when time is advanced.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { BillingSummary } from "../../schema/billing";
import type { EntitlementsResponse } from "../../schema/entitlements";
import { auditEvents, billingCustomers, subscriptions } from "../../schema/index";
import { runGrantMonthlyCredits } from "../../worker/jobs/billing";
import { jobDeps } from "../../worker/jobs/job-deps";
import { createDb } from "../../worker/lib/db";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";
import { deliverAll, fake, payAndDeliver, type SignedEvent } from "../support/stripe";

// Each test walks several Stripe round trips and a sign-up; on a shared 2-core machine that exceeds 5 s.
vi.setConfig({ testTimeout: 30_000 });

const DAY = 86_400_000;
const stripeBase = () => (env as { STRIPE_API_BASE?: string }).STRIPE_API_BASE ?? "";
const db = () => createDb(env.DB);

async function stripePost<T>(path: string, form: Record<string, string>): Promise<T> {
	const res = await fetch(`${stripeBase()}${path}`, {
		method: "POST",
		headers: { Authorization: "Bearer sk_test_atrium", "Content-Type": "application/x-www-form-urlencoded" },
		body: new URLSearchParams(form).toString(),
	});
	expect(res.status, await res.clone().text()).toBe(200);
	return res.json() as Promise<T>;
}

/** The agency's Stripe customer, created on a test clock frozen at `iso` (as a Stripe test-mode set-up would). */
async function onTestClock(agency: Agency, iso: string): Promise<{ clock: string; customer: string }> {
	const clock = await stripePost<{ id: string }>("/v1/test_helpers/test_clocks", { frozen_time: String(Date.parse(iso) / 1000) });
	const customer = await stripePost<{ id: string }>("/v1/customers", { email: agency.owner.email, test_clock: clock.id });
	await db().insert(billingCustomers).values({ tenantId: agency.tenantId, stripeCustomerId: customer.id, createdAt: Date.now() });
	return { clock: clock.id, customer: customer.id };
}

async function advanceClock(clock: string, iso: string): Promise<void> {
	const { events } = await fake<{ events: SignedEvent[] }>(`/_fake/test_clocks/${clock}/advance`, { frozen_time: Date.parse(iso) / 1000 });
	await deliverAll(events);
}

/** Events of this customer not produced by a /_fake control (API calls made by the Worker), delivered in order. */
async function deliverCustomerEvents(customer: string): Promise<void> {
	const { events } = await fake<{ events: SignedEvent[] }>("/_fake/events");
	await deliverAll(events.filter((e) => e.payload.includes(customer)));
}

async function startTrial(agency: Agency, planId = "pro"): Promise<SignedEvent[]> {
	const res = await call(agency.host, "/api/v1/billing/checkout", { cookie: agency.ownerCookie, body: { planId, interval: "month" } });
	expect(res.status, await res.clone().text()).toBe(200);
	return payAndDeliver(((await res.json()) as { url: string }).url);
}

async function available(agency: Agency): Promise<number> {
	const res = await call(agency.host, "/api/v1/entitlements", { cookie: agency.ownerCookie });
	return ((await res.json()) as EntitlementsResponse).aiCredits.available;
}

async function grants(agency: Agency) {
	const page = await env.TENANT_GATE.getByName(agency.tenantId).creditHistory(100, null);
	return page.entries
		.filter((e) => e.kind === "grant")
		.reverse()
		.map((e) => ({ amount: e.amount, reason: e.reason }));
}

async function billing(agency: Agency): Promise<BillingSummary> {
	return (await call(agency.host, "/api/v1/billing", { cookie: agency.ownerCookie })).json();
}

async function invoiceDates(agency: Agency): Promise<number[]> {
	const res = await call(agency.host, "/api/v1/billing/invoices", { cookie: agency.ownerCookie });
	return ((await res.json()) as { invoices: { createdAt: number }[] }).invoices.map((i) => i.createdAt);
}

function grantJob(period: string) {
	return { type: "grant-monthly-credits" as const, tenantId: null, period, idempotencyKey: `grant-monthly-credits:${period}` };
}

describe("plan credits", () => {
	it("a Pro trial has Pro's monthly credits at once, granted once however often the webhooks and the cron run", async () => {
		const agency = await signUpUniqueAgency("trial-credits");
		await onTestClock(agency, "2026-12-07T10:00:00Z");
		const events = await startTrial(agency);
		expect(await available(agency)).toBe(10_000);
		expect(await grants(agency)).toEqual([{ amount: 10_000, reason: "plan-start:pro" }]);

		// Every event again (redelivered), and the same events as if their ids were new (a replay Stripe's ids would not catch).
		await deliverAll(events);
		await env.DB.prepare("DELETE FROM stripe_events WHERE tenant_id = ?").bind(agency.tenantId).run();
		await deliverAll(events);
		// The daily cron in the same period: inside the trial, and today.
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-12"), Date.parse("2026-12-08T06:00:00Z"));
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-12"));
		expect(await available(agency)).toBe(10_000);
		expect(await grants(agency)).toEqual([{ amount: 10_000, reason: "plan-start:pro" }]);
		const audited = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, agency.tenantId));
		expect(audited.filter((a) => a.action === "billing.credits_granted")).toHaveLength(1);
	});

	it("each new period grants the allowance again, and an upgrade at half of a 30-day period tops up half the difference (floor)", async () => {
		const agency = await signUpUniqueAgency("upgrade-credits");
		const { clock, customer } = await onTestClock(agency, "2026-11-01T00:00:00Z");
		await startTrial(agency);
		// The trial ends on 2026-11-15 and the first paid period runs to 2026-12-15: 30 days.
		await advanceClock(clock, "2026-11-15T00:00:00Z");
		expect(await billing(agency)).toMatchObject({ status: "active", currentPeriodEnd: Date.parse("2026-12-15T00:00:00Z") });
		expect(await available(agency)).toBe(20_000);

		await advanceClock(clock, "2026-11-30T00:00:00Z");
		const change = await call(agency.host, "/api/v1/billing/change", {
			cookie: agency.ownerCookie,
			body: { planId: "agency", interval: "month" },
		});
		expect(change.status, await change.clone().text()).toBe(200);
		await deliverCustomerEvents(customer);
		expect(await grants(agency)).toEqual([
			{ amount: 10_000, reason: "plan-start:pro" },
			{ amount: 10_000, reason: "plan-period:pro" },
			{ amount: Math.floor((50_000 - 10_000) / 2), reason: "plan-change:pro→agency" },
		]);
		expect(await available(agency)).toBe(40_000);

		// A downgrade made in Stripe takes effect now but grants nothing and takes nothing back; upgrading again in the same period grants nothing more.
		const [row] = await db().select().from(subscriptions).where(eq(subscriptions.tenantId, agency.tenantId));
		const subId = row?.stripeSubscriptionId ?? "";
		const stripeSub = await (
			await fetch(`${stripeBase()}/v1/subscriptions/${subId}`, { headers: { Authorization: "Bearer sk_test_atrium" } })
		).json();
		const itemId = (stripeSub as { items: { data: { id: string }[] } }).items.data[0]?.id ?? "";
		await stripePost(`/v1/subscriptions/${subId}`, {
			"items[0][id]": itemId,
			"items[0][price]": "price_pro_month",
			proration_behavior: "none",
		});
		await deliverCustomerEvents(customer);
		expect(await billing(agency)).toMatchObject({ planId: "pro" });
		await stripePost(`/v1/subscriptions/${subId}`, {
			"items[0][id]": itemId,
			"items[0][price]": "price_agency_month",
			proration_behavior: "none",
		});
		await deliverCustomerEvents(customer);
		expect(await available(agency)).toBe(40_000);
		expect(await grants(agency)).toHaveLength(3);

		// The next period grants the plan it renews on.
		await advanceClock(clock, "2026-12-15T00:00:00Z");
		expect((await grants(agency)).at(-1)).toEqual({ amount: 50_000, reason: "plan-period:agency" });
	});
});

describe("the daily cron", () => {
	it("grants a yearly plan its monthly allowance in each month of the year, once a month", async () => {
		const agency = await signUpUniqueAgency("yearly-credits");
		const { clock } = await onTestClock(agency, "2026-01-17T09:00:00Z");
		const res = await call(agency.host, "/api/v1/billing/checkout", {
			cookie: agency.ownerCookie,
			body: { planId: "pro", interval: "year" },
		});
		await payAndDeliver(((await res.json()) as { url: string }).url);
		// The trial ends on 01-31 and the paid year runs to 2027-01-31: its months start on the 31st, or the month's last day.
		await advanceClock(clock, "2026-01-31T09:00:00Z");
		expect(await billing(agency)).toMatchObject({
			status: "active",
			interval: "year",
			currentPeriodEnd: Date.parse("2027-01-31T09:00:00Z"),
		});
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-02"), Date.parse("2026-02-10T06:00:00Z"));
		expect(await available(agency)).toBe(20_000);
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-03"), Date.parse("2026-03-01T06:00:00Z"));
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-03"), Date.parse("2026-03-02T06:00:00Z"));
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-03"), Date.parse("2026-03-31T08:59:59Z"));
		expect(await available(agency)).toBe(30_000);
		await runGrantMonthlyCredits(jobDeps(env), grantJob("2026-03"), Date.parse("2026-03-31T09:00:00Z"));
		expect(await grants(agency)).toEqual([
			{ amount: 10_000, reason: "plan-start:pro" },
			{ amount: 10_000, reason: "plan-period:pro" },
			{ amount: 10_000, reason: "plan-period:pro" },
			{ amount: 10_000, reason: "plan-period:pro" },
		]);
	});
});

describe("trial and invoice dates", () => {
	it("a trial started on 2026-12-07T10:00Z ends on 2026-12-21T10:00Z, is invoiced then, and no invoice is dated after its clock's now", async () => {
		const agency = await signUpUniqueAgency("trial-dates");
		const { clock } = await onTestClock(agency, "2026-12-07T10:00:00Z");
		await startTrial(agency);
		const trial = await billing(agency);
		expect(trial).toMatchObject({ status: "trialing", trialEnd: Date.parse("2026-12-21T10:00:00Z") });
		expect(trial.currentPeriodEnd).toBe(Date.parse("2026-12-21T10:00:00Z"));
		expect(await invoiceDates(agency)).toEqual([Date.parse("2026-12-07T10:00:00Z")]);

		await advanceClock(clock, "2026-12-21T10:00:00Z");
		const paid = await billing(agency);
		expect(paid).toMatchObject({ status: "active", trialEnd: Date.parse("2026-12-21T10:00:00Z") });
		expect(paid.currentPeriodEnd).toBe(Date.parse("2027-01-21T10:00:00Z"));
		expect(await invoiceDates(agency)).toEqual([Date.parse("2026-12-21T10:00:00Z"), Date.parse("2026-12-07T10:00:00Z")]);
	});

	it("moving one agency's Stripe time forward leaves another agency's trial and invoices at the real time", async () => {
		const mover = await signUpUniqueAgency("time-mover");
		await startTrial(mover);
		const [row] = await db().select().from(subscriptions).where(eq(subscriptions.tenantId, mover.tenantId));
		await deliverAll((await fake(`/_fake/subscriptions/${row?.stripeSubscriptionId}/renew`)).events);
		await deliverAll((await fake(`/_fake/subscriptions/${row?.stripeSubscriptionId}/renew`)).events);

		const other = await signUpUniqueAgency("time-other");
		const before = Date.now();
		await startTrial(other);
		const after = Date.now();
		const trial = await billing(other);
		expect(trial.trialEnd).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 14 * DAY);
		expect(trial.trialEnd).toBeLessThanOrEqual(after + 14 * DAY);
		const dates = await invoiceDates(other);
		expect(dates).toHaveLength(1);
		for (const date of dates) expect(date).toBeLessThanOrEqual(Date.now());
	});
});
