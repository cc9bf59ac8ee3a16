/**
 * The money side of referrals: the referred agency's first subscription Checkout carries the
 * programme's coupon (a `referral` row in the coupons table, mirrored to Stripe once, so its
 * redemptions are counted like any coupon's), and the referrer is granted credits in its
 * TenantGate ledger when the referred agency's first invoice is paid, exactly once (the ledger's
 * idempotency key is the referred agency's id, and the referral row is converted only once).
 */
import { and, eq, isNull } from "drizzle-orm";
import { coupons, referrals, subscriptions, tenants } from "../../../schema/index";
import { REFERRAL_PROGRAM } from "../../../schema/referral-program";
import type { Bindings, Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import type { Stripe } from "../../lib/stripe";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";
import type { CheckoutDiscount } from "./coupons";

/** Stripe's idempotency key for the programme's coupon: concurrent first uses create one coupon. */
const COUPON_KEY = `atrium-referral-coupon-${REFERRAL_PROGRAM.discountPercent}`;

async function referralCoupon(db: Database, stripe: Stripe, now = Date.now()): Promise<string> {
	const [row] = await db
		.select({ stripeCouponId: coupons.stripeCouponId })
		.from(coupons)
		.where(and(eq(coupons.kind, "referral"), eq(coupons.active, true), eq(coupons.percentOff, REFERRAL_PROGRAM.discountPercent)))
		.limit(1);
	if (row) return row.stripeCouponId;
	const id = newId(now);
	const created = await stripe.coupons.create(
		{ name: "Referral discount", percent_off: REFERRAL_PROGRAM.discountPercent, duration: "once", metadata: { atriumCouponId: id } },
		{ idempotencyKey: COUPON_KEY },
	);
	await db
		.insert(coupons)
		.values({
			id,
			kind: "referral",
			code: null,
			name: "Referral discount",
			percentOff: REFERRAL_PROGRAM.discountPercent,
			amountOff: null,
			currency: null,
			duration: "once",
			durationInMonths: null,
			maxRedemptions: null,
			expiresAt: null,
			startsAt: null,
			endsAt: null,
			active: true,
			stripeCouponId: created.id,
			stripePromotionCodeId: null,
			createdAt: now,
		})
		.onConflictDoNothing();
	return created.id;
}

/**
 * The referee discount for this agency's Checkout: only for a referred agency that has never had
 * a subscription (its first Checkout), otherwise null.
 */
export async function referralDiscount(db: Database, stripe: Stripe, tenantId: string): Promise<CheckoutDiscount | null> {
	const [[referral], [subscription]] = await Promise.all([
		db.select({ id: referrals.referredTenantId }).from(referrals).where(eq(referrals.referredTenantId, tenantId)).limit(1),
		db.select({ id: subscriptions.tenantId }).from(subscriptions).where(eq(subscriptions.tenantId, tenantId)).limit(1),
	]);
	if (!referral || subscription) return null;
	return { coupon: await referralCoupon(db, stripe) };
}

export type RewardDeps = { db: Database; env: Pick<Bindings, "TENANT_GATE"> };

/**
 * A paid invoice (with money in it) of a referred agency converts its referral: the referrer is
 * granted the reward. Safe to call for every delivery of every invoice event: the grant carries
 * the key `referral:<referred agency>` and the row is converted only while unconverted.
 */
export async function rewardReferrer(deps: RewardDeps, referredTenantId: string, invoice: Stripe.Invoice, now = Date.now()): Promise<void> {
	if (invoice.status !== "paid" || invoice.amount_paid <= 0) return;
	const [referral] = await deps.db
		.select()
		.from(referrals)
		.where(and(eq(referrals.referredTenantId, referredTenantId), isNull(referrals.convertedAt)))
		.limit(1);
	if (!referral) return;
	const [referred] = await deps.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, referredTenantId)).limit(1);
	const credits = REFERRAL_PROGRAM.rewardCredits;
	const grant = await deps.env.TENANT_GATE.getByName(referral.tenantId).grantCredits({
		amount: credits,
		idempotencyKey: `referral:${referredTenantId}`,
		reason: `Referral reward: ${referred?.name ?? "a referred agency"} paid its first invoice`,
	});
	if (!grant.ok) throw new Error(`referral reward refused: ${grant.message}`);
	const converted = await deps.db
		.update(referrals)
		.set({ convertedAt: now, convertedInvoiceId: invoice.id ?? null, rewardCredits: credits })
		.where(and(eq(referrals.referredTenantId, referredTenantId), isNull(referrals.convertedAt)))
		.returning({ id: referrals.referredTenantId });
	if (converted.length === 0) return;
	await recordAudit(tenantScope(deps.db, referral.tenantId), {
		action: "billing.referral_rewarded",
		actor: SYSTEM_ACTOR,
		target: { type: "tenant", id: referredTenantId },
		detail: { credits, invoice: invoice.id ?? null },
		ip: null,
		userAgent: null,
	});
}
