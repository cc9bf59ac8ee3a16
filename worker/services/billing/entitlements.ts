/**
 * Entitlements: the one answer to "may this tenant do X, and how much is left". Features and limits
 * come from the tenant's effective plan: its subscription's plan, reduced to Starter's features (and
 * no limit-consuming writes) once a payment has been failing past the grace period.
 *
 * Other areas call:
 * - `requireFeature("sso")` as route middleware (403 `feature-not-in-plan`, 402 when restricted);
 * - `assertWithinLimit(scope, "clients", 1)` before a write that consumes a counted limit
 *   (403 `plan-limit-reached` naming the limit, 402 `payment-required` when restricted);
 * - `registerUsageCounter("clients", countClients)` once at module load to say how usage is counted.
 */
import { count, eq, ne } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { type CountedLimit, type EntitlementsResponse, PAYMENT_GRACE_DAYS, type RestrictionReason } from "../../../schema/entitlements";
import { memberships, type SubscriptionRow, subscriptions, tenants } from "../../../schema/index";
import type { Role } from "../../../schema/permissions";
import { DEFAULT_PLAN_ID, PLAN_FEATURES, PLANS, type Plan, type PlanFeature, type PlanId, upgradesFrom } from "../../../schema/plans";
import type { AppEnv } from "../../env";
import { type TenantScope, tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { Problem } from "../../lib/problem";

const DAY_MS = 24 * 60 * 60 * 1000;
export const PAYMENT_GRACE_MS = PAYMENT_GRACE_DAYS * DAY_MS;

/** Counts how much of a limit a tenant uses now. */
export type UsageCounter = (scope: TenantScope) => Promise<number>;

/** Staff-side members (owner, admin, staff); clients never take a seat. */
async function countSeats(scope: TenantScope): Promise<number> {
	const [row] = await scope.db
		.select({ n: count() })
		.from(memberships)
		.where(scope.where(memberships, ne(memberships.role, "client")));
	return row?.n ?? 0;
}

const nothingCounted: UsageCounter = async () => 0;

const counters = new Map<CountedLimit, UsageCounter>([
	["seats", countSeats],
	["clients", nothingCounted],
	["storageBytes", nothingCounted],
]);

/** Replaces how a limit is counted (e.g. the client portal registers its clients table). */
export function registerUsageCounter(limit: CountedLimit, counter: UsageCounter): void {
	counters.set(limit, counter);
}

export type AccessState = {
	plan: Plan;
	/** The plan whose features apply now (Starter while restricted). */
	featurePlan: Plan;
	subscriptionStatus: SubscriptionRow["status"] | null;
	restricted: boolean;
	restrictionReason: RestrictionReason | null;
	graceEndsAt: number | null;
};

/** The effective plan from the tenant's plan and its subscription's state at `now`. */
export function accessState(planId: PlanId, subscription: SubscriptionRow | null, now: number): AccessState {
	const plan = PLANS[planId];
	const base = { plan, featurePlan: plan, subscriptionStatus: subscription?.status ?? null, graceEndsAt: null };
	const restrictedTo = (reason: RestrictionReason, graceEndsAt: number | null): AccessState => ({
		...base,
		featurePlan: PLANS[DEFAULT_PLAN_ID],
		restricted: true,
		restrictionReason: reason,
		graceEndsAt,
	});
	if (subscription?.status === "unpaid") return restrictedTo("unpaid", null);
	if (subscription?.status === "past_due") {
		const graceEndsAt = (subscription.pastDueSince ?? now) + PAYMENT_GRACE_MS;
		if (now >= graceEndsAt) return restrictedTo("payment_overdue", graceEndsAt);
		return { ...base, restricted: false, restrictionReason: null, graceEndsAt };
	}
	return { ...base, restricted: false, restrictionReason: null };
}

export async function loadAccessState(scope: TenantScope, now = Date.now()): Promise<AccessState> {
	const [[tenant], [subscription]] = await Promise.all([
		scope.db.select({ planId: tenants.planId }).from(tenants).where(eq(tenants.id, scope.tenantId)).limit(1),
		scope.db.select().from(subscriptions).where(scope.where(subscriptions)).limit(1),
	]);
	return accessState(tenant?.planId ?? DEFAULT_PLAN_ID, subscription ?? null, now);
}

function limitOf(plan: Plan, limit: CountedLimit): number | null {
	return plan.limits[limit];
}

function restrictedProblem(state: AccessState): Problem {
	const why =
		state.restrictionReason === "unpaid" ? "Your subscription is unpaid." : "A payment has been failing for more than the grace period.";
	return new Problem(402, "payment-required", "Payment required", `${why} Update the payment method in Billing to restore full access.`);
}

function upgradeHint(from: Plan, accepts: (plan: Plan) => boolean): string {
	const better = upgradesFrom(from.id, accepts);
	return better.length > 0 ? `Upgrade to ${better.map((p) => p.name).join(" or ")} in Billing.` : "Contact support.";
}

const LIMIT_NAMES: Record<CountedLimit, string> = { seats: "team seats", clients: "clients", storageBytes: "storage" };

/** How a feature is named to a person. */
const FEATURE_NAMES: Record<PlanFeature, string> = {
	sso: "single sign-on",
	white_label: "white-label branding",
	api_access: "API access",
	automation: "automation",
	custom_domain: "custom domains",
	messaging: "messaging",
};

/**
 * Throws unless the tenant may add `adding` more of `limit`: 402 when access is reduced for
 * non-payment, 403 `plan-limit-reached` (naming the limit and the plans that allow more) when full.
 */
export async function assertWithinLimit(scope: TenantScope, limit: CountedLimit, adding = 1, now = Date.now()): Promise<void> {
	const state = await loadAccessState(scope, now);
	if (state.restricted) throw restrictedProblem(state);
	const max = limitOf(state.plan, limit);
	if (max === null) return;
	const used = await (counters.get(limit) ?? nothingCounted)(scope);
	if (used + adding <= max) return;
	throw new Problem(
		403,
		"plan-limit-reached",
		"Plan limit reached",
		`Your ${state.plan.name} plan includes ${max} ${LIMIT_NAMES[limit]} and ${used} are in use. ${upgradeHint(state.plan, (p) => {
			const bigger = limitOf(p, limit);
			return bigger === null || bigger >= used + adding;
		})}`,
		{ errors: [{ path: limit, message: `limit of ${max} reached` }] },
	);
}

/**
 * Before a member's role changes from `from` (null: not a member yet) to `to`: a seat is taken when
 * someone joins the staff side (owner, admin, staff) from nothing or from the client side.
 */
export async function assertSeatFor(scope: TenantScope, from: Role | null, to: Role, now = Date.now()): Promise<void> {
	const takesSeat = to !== "client" && (from === null || from === "client");
	if (takesSeat) await assertWithinLimit(scope, "seats", 1, now);
}

/** Throws unless the tenant's effective plan includes `feature`. */
export async function assertFeature(scope: TenantScope, feature: PlanFeature, now = Date.now()): Promise<void> {
	const state = await loadAccessState(scope, now);
	if (state.featurePlan.features.includes(feature)) return;
	if (state.restricted && state.plan.features.includes(feature)) throw restrictedProblem(state);
	throw new Problem(
		403,
		"feature-not-in-plan",
		"Not included in your plan",
		`Your ${state.plan.name} plan does not include ${FEATURE_NAMES[feature]}. ${upgradeHint(state.plan, (p) => p.features.includes(feature))}`,
		{ errors: [{ path: feature, message: "not included in your plan" }] },
	);
}

/** Route middleware: the tenant's plan must include `feature`. Put it after `requirePermission`. */
export function requireFeature(feature: PlanFeature) {
	return createMiddleware<AppEnv>(async function checkFeature(c, next) {
		await assertFeature(tenantScope(c.get("db"), tenantOf(c).id), feature);
		return next();
	});
}

/** Everything the PWA needs to enable or disable controls. */
export async function describeEntitlements(scope: TenantScope, availableCredits: number, now = Date.now()): Promise<EntitlementsResponse> {
	const state = await loadAccessState(scope, now);
	const usage = async (limit: CountedLimit) => {
		const max = limitOf(state.plan, limit);
		const used = await (counters.get(limit) ?? nothingCounted)(scope);
		return { limit: max, used, remaining: max === null ? null : Math.max(0, max - used) };
	};
	const [seats, clients, storageBytes] = await Promise.all([usage("seats"), usage("clients"), usage("storageBytes")]);
	return {
		planId: state.plan.id,
		planName: state.plan.name,
		subscriptionStatus: state.subscriptionStatus,
		restricted: state.restricted,
		restrictionReason: state.restrictionReason,
		graceEndsAt: state.graceEndsAt,
		features: Object.fromEntries(PLAN_FEATURES.map((f) => [f, state.featurePlan.features.includes(f)])) as Record<PlanFeature, boolean>,
		limits: { seats, clients, storageBytes },
		aiCredits: { monthlyAllowance: state.plan.limits.monthlyAiCredits, available: availableCredits },
	};
}
