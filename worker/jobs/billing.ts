/**
 * Billing jobs: an email to the agency's owner (trial ending, payment failed, reminders), the daily
 * dunning pass that schedules reminders for past-due agencies, and the monthly plan credit grant
 * (idempotency key = tenant + period, so running it again grants nothing more).
 */
import { and, eq, inArray } from "drizzle-orm";
import { memberships, subscriptions, tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { PLANS } from "../../schema/plans";
import { tenantScope } from "../lib/db";
import { billingEmail } from "../lib/email/billing";
import { enqueue } from "../lib/jobs";
import { recordAudit, SYSTEM_ACTOR } from "../services/audit-log";
import { sendOnce } from "../services/email-outbox";
import type { JobDeps } from "./job-deps";

const DAY_MS = 86_400_000;
/** Owners and admins are alerted when available credits fall below this share of the monthly allowance. */
export const LOW_BALANCE_SHARE = 0.1;
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

/** Grants each paying or trialing agency its plan's monthly AI credits for `period` (YYYY-MM), once. */
export async function runGrantMonthlyCredits(deps: JobDeps, job: JobOf<"grant-monthly-credits">): Promise<void> {
	const rows = await deps.db
		.select({ tenantId: subscriptions.tenantId, planId: subscriptions.planId })
		.from(subscriptions)
		.where(and(inArray(subscriptions.status, ["trialing", "active"])));
	for (const { tenantId, planId } of rows) {
		const amount = PLANS[planId].limits.monthlyAiCredits;
		const before = await deps.env.TENANT_GATE.getByName(tenantId).credits();
		const result = await deps.env.TENANT_GATE.getByName(tenantId).grantCredits({
			amount,
			idempotencyKey: `monthly:${tenantId}:${job.period}`,
			reason: `${PLANS[planId].name} plan: monthly credits for ${job.period}`,
		});
		if (!result.ok) {
			deps.log.warn("monthly credits refused", { tenantId, reason: result.reason });
			continue;
		}
		await deps.env.TENANT_GATE.getByName(tenantId).setLowBalanceThreshold(tenantId, Math.floor(amount * LOW_BALANCE_SHARE));
		if (result.balance === before.balance) continue;
		await recordAudit(tenantScope(deps.db, tenantId), {
			action: "billing.credits_granted",
			actor: SYSTEM_ACTOR,
			detail: { credits: amount, period: job.period, source: "plan" },
			ip: null,
			userAgent: null,
		});
	}
}
