/**
 * Coupons and flash sales: the operator creates them (mirrored to Stripe as a coupon, plus a
 * promotion code for a code coupon), Checkout validates a typed code or picks the running flash
 * sale, and a completed Checkout records one redemption per session from the verified webhook.
 */
import { and, count, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Coupon, CouponInput } from "../../../schema/coupons";
import { type CouponRow, couponRedemptions, coupons } from "../../../schema/index";
import type { Database } from "../../env";
import { selectInChunks } from "../../lib/chunks";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import type { Stripe } from "../../lib/stripe";

async function redemptionCounts(db: Database, ids: string[]): Promise<Map<string, number>> {
	if (ids.length === 0) return new Map();
	const rows = await selectInChunks(ids, (slice) =>
		db
			.select({ couponId: couponRedemptions.couponId, n: count() })
			.from(couponRedemptions)
			.where(inArray(couponRedemptions.couponId, slice))
			.groupBy(couponRedemptions.couponId),
	);
	return new Map(rows.map((r) => [r.couponId, r.n]));
}

function toDto(row: CouponRow, redemptions: number): Coupon {
	return { ...row, redemptions };
}

export async function listCoupons(db: Database): Promise<Coupon[]> {
	const rows = await db.select().from(coupons).orderBy(desc(coupons.createdAt)).limit(200);
	const counts = await redemptionCounts(
		db,
		rows.map((r) => r.id),
	);
	return rows.map((r) => toDto(r, counts.get(r.id) ?? 0));
}

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.floor(ms / 1000));

export async function createCoupon(db: Database, stripe: Stripe, input: CouponInput, now = Date.now()): Promise<Coupon> {
	const code = input.code?.toUpperCase() ?? null;
	if (code) {
		const [taken] = await db.select({ id: coupons.id }).from(coupons).where(eq(coupons.code, code)).limit(1);
		if (taken) throw problems.conflict("code", "is already used by another coupon");
	}
	if (input.expiresAt !== undefined && input.expiresAt <= now)
		throw problems.validation([{ path: "expiresAt", message: "must be in the future" }]);
	if (input.endsAt !== undefined && input.endsAt <= now) throw problems.validation([{ path: "endsAt", message: "must be in the future" }]);
	const id = newId(now);
	const stripeCoupon = await stripe.coupons.create({
		name: input.name,
		duration: input.duration,
		...(input.durationInMonths ? { duration_in_months: input.durationInMonths } : {}),
		...(input.percentOff ? { percent_off: input.percentOff } : { amount_off: input.amountOff, currency: input.currency ?? "usd" }),
		...(input.maxRedemptions ? { max_redemptions: input.maxRedemptions } : {}),
		metadata: { atriumCouponId: id },
	});
	// A flash sale's window is enforced here at checkout (the coupon is deleted in Stripe when it is
	// switched off); a code's expiry is also its promotion code's `expires_at`.
	const promotion = code
		? await stripe.promotionCodes.create({
				promotion: { type: "coupon", coupon: stripeCoupon.id },
				code,
				...(input.expiresAt ? { expires_at: seconds(input.expiresAt) } : {}),
				metadata: { atriumCouponId: id },
			})
		: null;
	const row: CouponRow = {
		id,
		kind: input.kind,
		code,
		name: input.name,
		percentOff: input.percentOff ?? null,
		amountOff: input.amountOff ?? null,
		currency: input.amountOff ? (input.currency ?? "usd") : null,
		duration: input.duration,
		durationInMonths: input.durationInMonths ?? null,
		maxRedemptions: input.maxRedemptions ?? null,
		expiresAt: input.expiresAt ?? null,
		startsAt: input.startsAt ?? null,
		endsAt: input.endsAt ?? null,
		active: true,
		stripeCouponId: stripeCoupon.id,
		stripePromotionCodeId: promotion?.id ?? null,
		createdAt: now,
	};
	await db.insert(coupons).values(row);
	return toDto(row, 0);
}

/** Stops a coupon or flash sale being applied to new checkouts; subscriptions that have it keep it. */
export async function deactivateCoupon(db: Database, stripe: Stripe, id: string): Promise<Coupon> {
	const [row] = await db.select().from(coupons).where(eq(coupons.id, id)).limit(1);
	if (!row) throw problems.notFound("No coupon has this id.");
	if (row.active) {
		if (row.stripePromotionCodeId) await stripe.promotionCodes.update(row.stripePromotionCodeId, { active: false });
		else await stripe.coupons.del(row.stripeCouponId);
		await db.update(coupons).set({ active: false }).where(eq(coupons.id, id));
	}
	const counts = await redemptionCounts(db, [id]);
	return toDto({ ...row, active: false }, counts.get(id) ?? 0);
}

const refused = (message: string) => problems.validation([{ path: "coupon", message }]);

async function exhausted(db: Database, row: CouponRow): Promise<boolean> {
	if (row.maxRedemptions === null) return false;
	return ((await redemptionCounts(db, [row.id])).get(row.id) ?? 0) >= row.maxRedemptions;
}

/** The running flash sale with uses left, newest first, or null. */
async function runningFlashSale(db: Database, now: number): Promise<CouponRow | null> {
	const rows = await db
		.select()
		.from(coupons)
		.where(and(eq(coupons.kind, "flash_sale"), eq(coupons.active, true), lte(coupons.startsAt, now), gt(coupons.endsAt, now)))
		.orderBy(desc(coupons.startsAt))
		.limit(5);
	for (const row of rows) if (!(await exhausted(db, row))) return row;
	return null;
}

export type CheckoutDiscount = { promotion_code: string } | { coupon: string };

/**
 * The discount for a subscription Checkout: the typed code (422 naming `coupon` when unknown,
 * inactive, expired or used up), else the running flash sale, else none.
 */
export async function checkoutDiscount(db: Database, code: string | undefined, now = Date.now()): Promise<CheckoutDiscount | null> {
	if (code === undefined || code.trim() === "") {
		const sale = await runningFlashSale(db, now);
		return sale ? { coupon: sale.stripeCouponId } : null;
	}
	const [row] = await db
		.select()
		.from(coupons)
		.where(and(eq(coupons.code, code.trim().toUpperCase()), eq(coupons.kind, "code")))
		.limit(1);
	if (!row?.stripePromotionCodeId || !row.active) throw refused("is not a valid code");
	if (row.expiresAt !== null && row.expiresAt <= now) throw refused("has expired");
	if (await exhausted(db, row)) throw refused("has been used the maximum number of times");
	return { promotion_code: row.stripePromotionCodeId };
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
	value == null ? null : typeof value === "string" ? value : value.id;

/** Records the coupon a completed Checkout used, once per session; answers the coupon's id when newly recorded. */
export async function recordRedemption(db: Database, session: Stripe.Checkout.Session, tenantId: string): Promise<string | null> {
	const used = session.discounts?.[0];
	if (!used || session.status !== "complete") return null;
	const promotionCode = idOf(used.promotion_code);
	const stripeCoupon = idOf(used.coupon);
	const where = promotionCode
		? eq(coupons.stripePromotionCodeId, promotionCode)
		: stripeCoupon
			? eq(coupons.stripeCouponId, stripeCoupon)
			: null;
	if (!where) return null;
	const [row] = await db.select({ id: coupons.id }).from(coupons).where(where).limit(1);
	if (!row) return null;
	const inserted = await db
		.insert(couponRedemptions)
		.values({ checkoutSessionId: session.id, couponId: row.id, tenantId, redeemedAt: Date.now() })
		.onConflictDoNothing()
		.returning({ id: couponRedemptions.couponId });
	return inserted.length > 0 ? row.id : null;
}
