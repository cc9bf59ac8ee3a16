/**
 * Coupons and promotion codes in the Stripe fake: created through /v1, validated when Checkout
 * names them, counted when a session completes, and applied to the subscription's invoices for
 * the coupon's duration (once: the first charged invoice; repeating: N months; forever).
 */
import { type FormObject, str, strings } from "./form-body";
import { type AppliedDiscount, fakeId, type StripeObject } from "./objects";
import type { FakeStripeStore } from "./store";

const num = (value: string | undefined): number | null => (value === undefined || value === "" ? null : Number(value));

export function createCoupon(store: FakeStripeStore, form: FormObject): StripeObject | string {
	const percentOff = num(str(form.percent_off));
	const amountOff = num(str(form.amount_off));
	if ((percentOff === null) === (amountOff === null)) return "percent_off";
	if (percentOff !== null && (percentOff <= 0 || percentOff > 100)) return "percent_off";
	if (amountOff !== null && !str(form.currency)) return "currency";
	const duration = str(form.duration) ?? "once";
	if (!["once", "repeating", "forever"].includes(duration)) return "duration";
	if (duration === "repeating" && !num(str(form.duration_in_months))) return "duration_in_months";
	const coupon: StripeObject = {
		id: str(form.id) ?? fakeId("co"),
		object: "coupon",
		name: str(form.name) ?? null,
		percent_off: percentOff,
		amount_off: amountOff,
		currency: str(form.currency) ?? null,
		duration,
		duration_in_months: duration === "repeating" ? num(str(form.duration_in_months)) : null,
		max_redemptions: num(str(form.max_redemptions)),
		redeem_by: num(str(form.redeem_by)),
		times_redeemed: 0,
		valid: true,
		metadata: strings(form.metadata),
		created: store.now(),
	};
	store.coupons.set(coupon.id, coupon);
	return coupon;
}

export function createPromotionCode(store: FakeStripeStore, form: FormObject): StripeObject | string {
	const promotion = form.promotion as FormObject | undefined;
	const couponId = str(promotion?.coupon) ?? str(form.coupon) ?? "";
	if (!store.coupons.has(couponId)) return "promotion[coupon]";
	const code = str(form.code) ?? fakeId("PROMO").toUpperCase();
	const taken = [...store.promotionCodes.values()].some((p) => p.active && String(p.code).toLowerCase() === code.toLowerCase());
	if (taken) return "code";
	const promo: StripeObject = {
		id: fakeId("promo"),
		object: "promotion_code",
		code,
		promotion: { type: "coupon", coupon: couponId },
		active: str(form.active) !== "false",
		max_redemptions: num(str(form.max_redemptions)),
		expires_at: num(str(form.expires_at)),
		times_redeemed: 0,
		metadata: strings(form.metadata),
		created: store.now(),
	};
	store.promotionCodes.set(promo.id, promo);
	return promo;
}

function usable(store: FakeStripeStore, coupon: StripeObject, promo: StripeObject | null): boolean {
	const now = store.now();
	if (coupon.valid !== true) return false;
	if (coupon.redeem_by !== null && Number(coupon.redeem_by) < now) return false;
	if (coupon.max_redemptions !== null && Number(coupon.times_redeemed) >= Number(coupon.max_redemptions)) return false;
	if (!promo) return true;
	if (promo.active !== true) return false;
	if (promo.expires_at !== null && Number(promo.expires_at) < now) return false;
	return promo.max_redemptions === null || Number(promo.times_redeemed) < Number(promo.max_redemptions);
}

/** The discount a Checkout `discounts[0]` names, or an error message when it cannot be applied. */
export function resolveDiscount(store: FakeStripeStore, entry: Record<string, string>): AppliedDiscount | string {
	const promo = entry.promotion_code ? store.promotionCodes.get(entry.promotion_code) : undefined;
	if (entry.promotion_code && !promo) return `No such promotion code: '${entry.promotion_code}'`;
	const couponId = promo ? String((promo.promotion as { coupon: string }).coupon) : (entry.coupon ?? "");
	const coupon = store.coupons.get(couponId);
	if (!coupon) return `No such coupon: '${couponId}'`;
	if (!usable(store, coupon, promo ?? null)) return "This coupon can no longer be redeemed.";
	return { discountId: fakeId("di"), coupon, promotionCode: promo ?? null };
}

/** A completed Checkout counts one redemption of the coupon (and of its promotion code). */
export function redeem(discount: AppliedDiscount): void {
	discount.coupon.times_redeemed = Number(discount.coupon.times_redeemed) + 1;
	if (discount.promotionCode) discount.promotionCode.times_redeemed = Number(discount.promotionCode.times_redeemed) + 1;
}

/** How many charged invoices a coupon covers on a subscription billed every `interval`. */
export function invoicesCovered(coupon: StripeObject, interval: string): number | null {
	if (coupon.duration === "forever") return null;
	if (coupon.duration === "once") return 1;
	const months = Number(coupon.duration_in_months);
	return interval === "year" ? Math.max(1, Math.ceil(months / 12)) : months;
}

export function discountObject(discount: AppliedDiscount, subscriptionId: string | null): StripeObject {
	return {
		id: discount.discountId,
		object: "discount",
		coupon: discount.coupon,
		promotion_code: discount.promotionCode?.id ?? null,
		subscription: subscriptionId,
	};
}
