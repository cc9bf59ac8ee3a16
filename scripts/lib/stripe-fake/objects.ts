/**
 * The Stripe fake's objects: their shape, their ids, the discount a coupon holds on a Checkout
 * session or subscription, and what a coupon takes off an amount. The store and the discount
 * rules both build on these, so they live apart from either.
 */
import { randomBytes } from "node:crypto";

export type StripeObject = Record<string, unknown> & { id: string };
export type FakeEvent = { id: string; type: string; created: number; data: { object: StripeObject } };

export type AppliedDiscount = { discountId: string; coupon: StripeObject; promotionCode: StripeObject | null };
/** A subscription's discount and how many charged invoices it still covers (null: forever). */
export type SubscriptionDiscount = AppliedDiscount & { remaining: number | null };

export function fakeId(prefix: string): string {
	return `${prefix}_${randomBytes(12).toString("hex")}`;
}

/** What the coupon takes off `amount`. */
export function discountOn(coupon: StripeObject, amount: number): number {
	if (coupon.percent_off !== null) return Math.round((amount * Number(coupon.percent_off)) / 100);
	return Math.min(amount, Number(coupon.amount_off));
}
