/** Billing jobs: owner emails once per key, dunning reminders on their days, monthly plan credits once per period, and the cron that starts them. */
import { env } from "cloudflare:workers";
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, billingCustomers, subscriptions } from "../../schema/index";
import type { Job } from "../../schema/jobs";
import { DAILY_BILLING, HOURLY, jobsFor } from "../../worker/cron/schedules";
import { runDunningReminders } from "../../worker/jobs/billing";
import { jobDeps } from "../../worker/jobs/job-deps";
import { createDb } from "../../worker/lib/db";
import { type Agency, signUpAgency, uniqueSlug } from "../support/agencies";
import { runJobs } from "../support/queue";
import { fake } from "../support/stripe";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency(uniqueSlug("acme"));
	beta = await signUpAgency(uniqueSlug("beta"));
});

async function billingMail(tenantId: string) {
	const rows = await env.DB.prepare("SELECT to_address, subject, template FROM email_outbox WHERE tenant_id = ? AND template != 'welcome'")
		.bind(tenantId)
		.all();
	return rows.results;
}

async function subscribe(
	tenantId: string,
	status: "active" | "past_due" | "canceled",
	planId: "pro" | "agency",
	pastDueSince: number | null = null,
) {
	await createDb(env.DB)
		.insert(subscriptions)
		.values({
			tenantId,
			stripeSubscriptionId: `sub_${tenantId}`,
			stripeCreatedAt: 1,
			status,
			planId,
			interval: "month",
			pastDueSince,
			updatedAt: 1,
		});
}

describe("billing-email job", () => {
	it("emails the owner once per idempotency key", async () => {
		const job: Job = {
			type: "billing-email",
			tenantId: acme.tenantId,
			template: "payment-failed",
			idempotencyKey: "payment-failed:in_1:1",
		};
		await runJobs([job, job]);
		await runJobs([{ ...job, template: "trial-will-end", idempotencyKey: "trial-will-end:sub_1:99" }]);
		expect(await billingMail(acme.tenantId)).toEqual([
			{ to_address: acme.owner.email, subject: `Agency ${acme.slug}: your Atrium payment failed`, template: "payment-failed" },
			{ to_address: acme.owner.email, subject: `Agency ${acme.slug}: your Atrium trial ends in 3 days`, template: "trial-will-end" },
		]);
		expect(await billingMail(beta.tenantId)).toEqual([]);
	});
});

describe("dunning-reminders job", () => {
	it("enqueues a reminder for each dunning day reached, keyed so a re-run sends nothing twice", async () => {
		const failedAt = Date.now() - 4 * 86_400_000;
		await subscribe(acme.tenantId, "past_due", "pro", failedAt);
		await subscribe(beta.tenantId, "active", "pro");
		const sent: Job[] = [];
		const deps = { ...jobDeps(env), env: { ...env, JOBS: { send: async (job: Job) => void sent.push(job) } as unknown as Queue } };
		await runDunningReminders(deps);
		// The pass covers every agency; earlier tests of the file left theirs, so look at this test's two.
		const ours = sent.filter((job) => job.tenantId === acme.tenantId || job.tenantId === beta.tenantId);
		expect(ours).toEqual([
			{ type: "billing-email", tenantId: acme.tenantId, template: "payment-reminder", idempotencyKey: `payment-reminder:${failedAt}:3` },
		]);
		await runJobs(ours);
		await runJobs(ours);
		expect(await billingMail(acme.tenantId)).toHaveLength(1);
	});
});

describe("grant-monthly-credits job", () => {
	it("grants each active plan its monthly credits once per period, and nothing to cancelled ones", async () => {
		await subscribe(acme.tenantId, "active", "pro");
		await subscribe(beta.tenantId, "canceled", "agency");
		const [job] = jobsFor(DAILY_BILLING, Date.UTC(2026, 10, 23, 6)).filter((j) => j.type === "grant-monthly-credits");
		expect(job).toMatchObject({ period: "2026-11" });
		if (!job) throw new Error("no grant job");
		await runJobs([job]);
		await runJobs([job]);
		expect(await env.TENANT_GATE.getByName(acme.tenantId).credits()).toMatchObject({ balance: 10_000 });
		expect(await env.TENANT_GATE.getByName(beta.tenantId).credits()).toMatchObject({ balance: 0 });
		const grants = await createDb(env.DB)
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, "billing.credits_granted"), inArray(auditEvents.tenantId, [acme.tenantId, beta.tenantId])));
		expect(grants.map((g) => g.tenantId)).toEqual([acme.tenantId]);
		await runJobs([{ ...job, period: "2026-12", idempotencyKey: "grant-monthly-credits:2026-12" }]);
		expect(await env.TENANT_GATE.getByName(acme.tenantId).credits()).toMatchObject({ balance: 20_000 });
	});
});

describe("report-usage-meter job", () => {
	it("reports each subscribed agency's credits settled in the hour to Stripe's meter, once", async () => {
		const created = await fetch(`${(env as { STRIPE_API_BASE?: string }).STRIPE_API_BASE}/v1/customers`, {
			method: "POST",
			headers: { Authorization: "Bearer sk_test_atrium", "Content-Type": "application/x-www-form-urlencoded" },
			body: `email=${encodeURIComponent(acme.owner.email)}`,
		});
		const customerId = ((await created.json()) as { id: string }).id;
		await createDb(env.DB).insert(billingCustomers).values({ tenantId: acme.tenantId, stripeCustomerId: customerId, createdAt: 1 });
		await subscribe(acme.tenantId, "active", "pro");
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		await gate.grantCredits({ amount: 100, idempotencyKey: "g", reason: "allowance" });
		const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
		for (const [i, actual] of [7, 5].entries()) {
			const r = await gate.reserveCredits({ amount: 10, idempotencyKey: `r${i}`, feature: "assistant", userId: null });
			if (!r.ok) throw new Error("reserve failed");
			await gate.settleCredits({ reservationId: r.reservationId, actual, idempotencyKey: `s${i}` });
		}
		const job: Job = { type: "report-usage-meter", tenantId: null, hourStart, idempotencyKey: `report-usage-meter:${hourStart}` };
		await runJobs([job]);
		await runJobs([job]);
		const { meterEvents } = await fake<{ meterEvents: { identifier: string; payload: Record<string, string> }[] }>("/_fake/meter_events");
		const ours = meterEvents.filter((e) => e.identifier.startsWith(acme.tenantId));
		expect(ours).toEqual([
			expect.objectContaining({ identifier: `${acme.tenantId}:${hourStart}`, payload: { stripe_customer_id: customerId, value: "12" } }),
		]);
		expect(jobsFor(HOURLY, hourStart + 3_600_000 + 5_000)).toEqual([job]);
	});
});
