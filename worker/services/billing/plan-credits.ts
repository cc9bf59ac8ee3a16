/**
 * Plans grant what they sell: a trialing or active subscription's monthly AI credits go into the
 * tenant's TenantGate ledger once per credit slice (its Stripe period, or a month of a yearly
 * period), and an upgrade inside a slice tops up the prorated difference once. Called after every
 * mirror of a subscription from a webhook and by the daily cron, so whichever runs first grants and
 * the others find it done: the slice credited and the largest plan credited in it are kept on the
 * subscription row (`credited_slice`, `credited_plan_id`), and each grant carries an idempotency key
 * tied to subscription + slice, so a replay or a race moves nothing twice. A tenant on a plan with no
 * subscription (the development demo agency) gets the plan's start allowance once, through
 * `creditPlanWithoutSubscription`.
 */
import { and, eq, isNull, ne, or } from "drizzle-orm";
import type { CreditBalance, GrantInput } from "../../../schema/credits";
import { type SubscriptionRow, subscriptions } from "../../../schema/index";
import { PLANS, type PlanId } from "../../../schema/plans";
import type { Bindings, Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";
import { creditSliceAt, proratedTopUp, type TimeRange } from "./credit-periods";

export type PlanCreditDeps = { db: Database; env: Pick<Bindings, "TENANT_GATE"> };

/** Owners and admins are alerted when available credits fall below this share of the monthly allowance. */
export const LOW_BALANCE_SHARE = 0.1;

/** The low-balance threshold a monthly allowance brings, unless the agency set its own. */
export function lowBalanceDefault(allowance: number): number {
	return Math.floor(allowance * LOW_BALANCE_SHARE);
}

/** Statuses whose plan is credited (a past-due subscription gets no new allowance until it is paid). */
const CREDITED_STATUSES: readonly SubscriptionRow["status"][] = ["trialing", "active"];

export type PlanGrant = { credits: number; reason: string; idempotencyKey: string };

const allowanceOf = (planId: PlanId) => PLANS[planId].limits.monthlyAiCredits;

/**
 * Brings the tenant's plan credits up to date at `at` (Stripe's time of the event, or the cron's
 * time): the slice's allowance if this slice has none yet, else an upgrade's top-up. Returns what
 * it granted now (nothing when it was already granted).
 */
export async function creditPlan(deps: PlanCreditDeps, tenantId: string, at: number): Promise<PlanGrant[]> {
	const [row] = await deps.db.select().from(subscriptions).where(eq(subscriptions.tenantId, tenantId)).limit(1);
	if (!row || !CREDITED_STATUSES.includes(row.status) || row.currentPeriodStart === null || row.currentPeriodEnd === null) return [];
	const slice = creditSliceAt({ start: row.currentPeriodStart, end: row.currentPeriodEnd }, at);
	if (!slice) return [];
	const sliceKey = `${row.stripeSubscriptionId}:${slice.start}`;
	if (row.creditedSlice !== sliceKey) return grantSliceAllowance(deps, row, slice, sliceKey);
	const credited = row.creditedPlanId ?? row.planId;
	if (allowanceOf(row.planId) <= allowanceOf(credited)) return [];
	return grantUpgradeTopUp(deps, row, credited, slice, sliceKey, at);
}

/**
 * A tenant put on a plan without a Stripe subscription (the development demo agency, seeded as SQL):
 * the plan's start allowance, once ever: the ledger key is fixed per tenant and plan, so calling this
 * again moves nothing (the ledger replays its first answer). A tenant with a subscription is left to
 * `creditPlan` (`bySubscription`). No audit entry: a replay cannot be told from a first grant here,
 * and the ledger row is the record. Returns the tenant's credits afterwards.
 */
export async function creditPlanWithoutSubscription(
	deps: PlanCreditDeps,
	tenantId: string,
	planId: PlanId,
): Promise<CreditBalance & { bySubscription: boolean }> {
	const gate = deps.env.TENANT_GATE.getByName(tenantId);
	const [subscription] = await deps.db
		.select({ tenantId: subscriptions.tenantId })
		.from(subscriptions)
		.where(eq(subscriptions.tenantId, tenantId))
		.limit(1);
	if (subscription) return { ...(await gate.credits()), bySubscription: true };
	const plan = PLANS[planId];
	await grantAllowance(deps, tenantId, {
		credits: plan.limits.monthlyAiCredits,
		reason: `plan-start:${plan.id}`,
		idempotencyKey: `plan-period:no-subscription:${tenantId}:${plan.id}`,
	});
	return { ...(await gate.credits()), bySubscription: false };
}

/** A period's allowance: the grant (once, by its key) and the low-balance default it brings (10% of it). */
async function grantAllowance(deps: PlanCreditDeps, tenantId: string, grant: PlanGrant): Promise<void> {
	await grantOnce(deps, tenantId, grant);
	await deps.env.TENANT_GATE.getByName(tenantId).setLowBalanceThreshold(tenantId, lowBalanceDefault(grant.credits));
}

async function grantSliceAllowance(deps: PlanCreditDeps, row: SubscriptionRow, slice: TimeRange, sliceKey: string): Promise<PlanGrant[]> {
	const plan = PLANS[row.planId];
	const first = slice.start <= row.stripeCreatedAt;
	const grant: PlanGrant = {
		credits: plan.limits.monthlyAiCredits,
		reason: `${first ? "plan-start" : "plan-period"}:${plan.id}`,
		idempotencyKey: `plan-period:${sliceKey}`,
	};
	await grantAllowance(deps, row.tenantId, grant);
	// Only the caller that moves the row on records it: a concurrent webhook or cron finds it done.
	const moved = await deps.db
		.update(subscriptions)
		.set({ creditedSlice: sliceKey, creditedPlanId: plan.id })
		.where(
			and(
				eq(subscriptions.tenantId, row.tenantId),
				eq(subscriptions.stripeSubscriptionId, row.stripeSubscriptionId),
				or(isNull(subscriptions.creditedSlice), ne(subscriptions.creditedSlice, sliceKey)),
			),
		)
		.returning({ tenantId: subscriptions.tenantId });
	if (moved.length === 0) return [];
	await auditGrant(deps, row.tenantId, grant, slice);
	return [grant];
}

async function grantUpgradeTopUp(
	deps: PlanCreditDeps,
	row: SubscriptionRow,
	from: PlanId,
	slice: TimeRange,
	sliceKey: string,
	at: number,
): Promise<PlanGrant[]> {
	const grant: PlanGrant = {
		credits: proratedTopUp(allowanceOf(from), allowanceOf(row.planId), slice, at),
		reason: `plan-change:${from}→${row.planId}`,
		idempotencyKey: `plan-change:${sliceKey}:${from}:${row.planId}`,
	};
	// A top-up that rounds to nothing (the slice's last moment) still records the larger plan as credited.
	if (grant.credits > 0) await grantOnce(deps, row.tenantId, grant);
	await deps.env.TENANT_GATE.getByName(row.tenantId).setLowBalanceThreshold(row.tenantId, lowBalanceDefault(allowanceOf(row.planId)));
	const moved = await deps.db
		.update(subscriptions)
		.set({ creditedPlanId: row.planId })
		.where(and(eq(subscriptions.tenantId, row.tenantId), eq(subscriptions.creditedSlice, sliceKey), eq(subscriptions.creditedPlanId, from)))
		.returning({ tenantId: subscriptions.tenantId });
	if (moved.length === 0 || grant.credits === 0) return [];
	await auditGrant(deps, row.tenantId, grant, slice);
	return [grant];
}

/** One ledger grant; the same key already used (a replay, or a race that computed another amount) counts as done. */
async function grantOnce(deps: PlanCreditDeps, tenantId: string, grant: PlanGrant): Promise<void> {
	const input: GrantInput = { amount: grant.credits, idempotencyKey: grant.idempotencyKey, reason: grant.reason };
	const result = await deps.env.TENANT_GATE.getByName(tenantId).grantCredits(input);
	if (!result.ok && result.reason !== "idempotency-key-reused") throw new Error(`plan credit grant refused: ${result.message}`);
}

async function auditGrant(deps: PlanCreditDeps, tenantId: string, grant: PlanGrant, slice: TimeRange): Promise<void> {
	await recordAudit(tenantScope(deps.db, tenantId), {
		action: "billing.credits_granted",
		actor: SYSTEM_ACTOR,
		detail: {
			credits: grant.credits,
			reason: grant.reason,
			source: "plan",
			periodStart: new Date(slice.start).toISOString(),
			periodEnd: new Date(slice.end).toISOString(),
		},
		ip: null,
		userAgent: null,
	});
}
