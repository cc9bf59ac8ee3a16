/**
 * The nightly reconciliation: a mirror that drifted from Stripe is repaired and audited once, a
 * subscription Atrium never mirrored is discovered, one that vanished from Stripe stops granting its
 * plan; the cron starts it once a night.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, subscriptions, tenants } from "../../schema/index";
import { jobsFor, NIGHTLY_RECONCILE } from "../../worker/cron/schedules";
import { jobDeps } from "../../worker/jobs/job-deps";
import { runReconcileBilling } from "../../worker/jobs/reconcile-billing";
import { createDb } from "../../worker/lib/db";
import { type Agency, signUpAgency, uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { fake, payAndDeliver, type SignedEvent, sessionIdOf } from "../support/stripe";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency(uniqueSlug("acme"));
	beta = await signUpAgency(uniqueSlug("beta"));
});

const db = () => createDb(env.DB);
const job = { type: "reconcile-billing", tenantId: null, idempotencyKey: "reconcile-billing:test" } as const;

async function reconciledAudit(tenantId: string) {
	return (await db().select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId))).filter((e) => e.action === "billing.reconciled");
}

describe("reconcile-billing job", () => {
	it("repairs a mirror that drifted from Stripe, audits it in that agency only, and finds nothing the second time", async () => {
		for (const agency of [acme, beta]) {
			const res = await call(agency.host, "/api/v1/billing/checkout", {
				cookie: agency.ownerCookie,
				body: { planId: "pro", interval: "month" },
			});
			await payAndDeliver(((await res.json()) as { url: string }).url);
		}
		// A lost webhook: Atrium believes acme cancelled and went back to Starter.
		await db().update(subscriptions).set({ status: "canceled", planId: "agency" }).where(eq(subscriptions.tenantId, acme.tenantId));
		await db().update(tenants).set({ planId: "starter" }).where(eq(tenants.id, acme.tenantId));

		await runReconcileBilling(jobDeps(env), job);
		const summary = await (await call(acme.host, "/api/v1/billing", { cookie: acme.ownerCookie })).json();
		expect(summary).toMatchObject({ planId: "pro", status: "trialing" });
		const audit = await reconciledAudit(acme.tenantId);
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0]?.detail ?? "{}")).toMatchObject({
			status: "canceled → trialing",
			planId: "agency → pro",
			tenantPlan: "starter → pro",
		});
		expect(await reconciledAudit(beta.tenantId)).toHaveLength(0);

		await runReconcileBilling(jobDeps(env), job);
		expect(await reconciledAudit(acme.tenantId)).toHaveLength(1);
	});

	it("discovers a subscription whose webhooks never arrived, and ends one that vanished from Stripe", async () => {
		// acme pays, but none of the webhooks reach Atrium.
		const started = await call(acme.host, "/api/v1/billing/checkout", {
			cookie: acme.ownerCookie,
			body: { planId: "pro", interval: "month" },
		});
		const url = ((await started.json()) as { url: string }).url;
		const paid = await fake<{ ok: boolean; events: SignedEvent[] }>(`/_fake/checkout/${sessionIdOf(url)}/pay`, {
			card: "4242424242424242",
		});
		expect(paid.ok).toBe(true);
		expect(await db().select().from(subscriptions).where(eq(subscriptions.tenantId, acme.tenantId))).toHaveLength(0);

		// beta has a customer in Stripe but no subscription there; Atrium's row names one that does not exist.
		await call(beta.host, "/api/v1/billing/checkout", { cookie: beta.ownerCookie, body: { planId: "agency", interval: "month" } });
		const now = Date.now();
		// An id of this test's own (the subscriptions table is shared by the tests of the file).
		const vanished = `sub_vanished_${beta.tenantId}`;
		await db().insert(subscriptions).values({
			tenantId: beta.tenantId,
			stripeSubscriptionId: vanished,
			stripeCreatedAt: now,
			status: "active",
			planId: "agency",
			interval: "month",
			cancelAtPeriodEnd: false,
			updatedAt: now,
		});
		await db().update(tenants).set({ planId: "agency" }).where(eq(tenants.id, beta.tenantId));

		await runReconcileBilling(jobDeps(env), job);
		expect(await (await call(acme.host, "/api/v1/billing", { cookie: acme.ownerCookie })).json()).toMatchObject({
			planId: "pro",
			status: "trialing",
		});
		expect(JSON.parse((await reconciledAudit(acme.tenantId))[0]?.detail ?? "{}")).toMatchObject({
			status: "null → trialing",
			tenantPlan: "starter → pro",
		});
		expect(await (await call(beta.host, "/api/v1/billing", { cookie: beta.ownerCookie })).json()).toMatchObject({
			planId: "starter",
			status: "canceled",
		});
		expect(JSON.parse((await reconciledAudit(beta.tenantId))[0]?.detail ?? "{}")).toMatchObject({
			status: "active → canceled",
			tenantPlan: "agency → starter",
			missingInStripe: vanished,
		});

		await runReconcileBilling(jobDeps(env), job);
		expect(await reconciledAudit(acme.tenantId)).toHaveLength(1);
		expect(await reconciledAudit(beta.tenantId)).toHaveLength(1);
	});

	it("is started by the nightly cron once per night", () => {
		const night = Date.UTC(2026, 10, 23, 3, 30);
		expect(jobsFor(NIGHTLY_RECONCILE, night).filter((j) => j.type === "reconcile-billing")).toEqual([
			{ ...job, idempotencyKey: "reconcile-billing:2026-11-23" },
		]);
	});
});
