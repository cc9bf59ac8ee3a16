/**
 * Billing jobs: an email to the agency's owner (trial ending, payment failed, reminders), the daily
 * dunning pass that schedules reminders for past-due agencies, and the daily pass of the plan credit
 * grant (idempotency key = subscription + credit slice, so running it again grants nothing more).
 */
import { and, eq, inArray } from "drizzle-orm";
import { memberships, subscriptions, tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { PLANS, type PlanId } from "../../schema/plans";
import { tenantScope } from "../lib/db";
import { billingEmail } from "../lib/email/billing";
import { enqueue } from "../lib/jobs";
import { recordAudit, SYSTEM_ACTOR } from "../services/audit/audit-log";
import { creditPlan, LOW_BALANCE_SHARE, lowBalanceDefault } from "../services/billing/plan-credits";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

const DAY_MS = 86_400_000;

export { LOW_BALANCE_SHARE };
/** Days after the first failure on which a reminder goes out (the failure itself emails at once). */
export const DUNNING_REMINDER_DAYS = [3, 6] as const;

export async function runBillingEmail(deps: JobDeps, job: JobOf<"billing-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [[tenant], [owner]] = await Promise.all([
		deps.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, job.tenantId)).limit(1),
		deps.db
			.select({ email: users.email })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(scope.where(memberships, eq(memberships.role, "owner")))
			.limit(1),
	]);
	if (!tenant || !owner) return;
	const rendered = billingEmail(job.template, {
		agencyName: tenant.name,
		billingUrl: `${await deps.tenantUrl(job.tenantId)}/billing`,
	});
	await sendOnce(scope, deps.email, {
		...rendered,
		idempotencyKey: job.idempotencyKey,
		template: job.template,
		from: deps.emailFrom,
		to: owner.email,
	});
}

/** Platform-wide pass over past-due subscriptions: a reminder on each dunning day, once. */
export async function runDunningReminders(deps: JobDeps, now = Date.now()): Promise<void> {
	const pastDue = await deps.db
		.select({ tenantId: subscriptions.tenantId, pastDueSince: subscriptions.pastDueSince })
		.from(subscriptions)
		.where(eq(subscriptions.status, "past_due"));
	for (const { tenantId, pastDueSince } of pastDue) {
		if (pastDueSince === null) continue;
		for (const day of DUNNING_REMINDER_DAYS) {
			if (now < pastDueSince + day * DAY_MS) continue;
			await enqueue(deps.env, {
				type: "billing-email",
				tenantId,
				template: "payment-reminder",
				idempotencyKey: `payment-reminder:${pastDueSince}:${day}`,
			});
		}
	}
}

/**
 * The daily pass of the plan credit grant: each trialing or active agency gets its plan's allowance
 * for the credit slice it is in now, unless a webhook already granted it (same subscription+slice
 * key, see services/billing/plan-credits.ts). A row mirrored before Stripe's period start was kept
 * (none since migration 0027, once the nightly reconciliation has run) falls back to the calendar
 * month `period` (YYYY-MM), as before.
 */
export async function runGrantMonthlyCredits(deps: JobDeps, job: JobOf<"grant-monthly-credits">, now = Date.now()): Promise<void> {
	const rows = await deps.db
		.select({ tenantId: subscriptions.tenantId, planId: subscriptions.planId, periodStart: subscriptions.currentPeriodStart })
		.from(subscriptions)
		.where(and(inArray(subscriptions.status, ["trialing", "active"])));
	for (const { tenantId, planId, periodStart } of rows) {
		try {
			if (periodStart !== null) await creditPlan(deps, tenantId, now);
			else await grantCalendarMonth(deps, tenantId, planId, job.period);
		} catch (error) {
			deps.log.warn("monthly credits refused", { tenantId, error: String(error) });
		}
	}
}

/** The older grant for a subscription row without its Stripe period: once per tenant and calendar month. */
async function grantCalendarMonth(deps: JobDeps, tenantId: string, planId: PlanId, period: string): Promise<void> {
	const amount = PLANS[planId].limits.monthlyAiCredits;
	const before = await deps.env.TENANT_GATE.getByName(tenantId).credits();
	const result = await deps.env.TENANT_GATE.getByName(tenantId).grantCredits({
		amount,
		idempotencyKey: `monthly:${tenantId}:${period}`,
		reason: `${PLANS[planId].name} plan: monthly credits for ${period}`,
	});
	if (!result.ok) throw new Error(result.message);
	await deps.env.TENANT_GATE.getByName(tenantId).setLowBalanceThreshold(tenantId, lowBalanceDefault(amount));
	if (result.balance === before.balance) return;
	await recordAudit(tenantScope(deps.db, tenantId), {
		action: "billing.credits_granted",
		actor: SYSTEM_ACTOR,
		detail: { credits: amount, period, source: "plan" },
		ip: null,
		userAgent: null,
	});
}
