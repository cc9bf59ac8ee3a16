/** Request and response shapes of the operator's coupon, flash-sale and refund API. */
import { z } from "@hono/zod-openapi";
import { isKnownCurrency } from "./money";
import { COUPON_DURATIONS, COUPON_KINDS, STORED_COUPON_KINDS } from "./tables/coupons";

export const CouponInput = z
	.strictObject({
		kind: z.enum(COUPON_KINDS),
		code: z
			.string()
			.regex(/^[A-Za-z0-9-]{3,32}$/, "3 to 32 letters, digits or dashes")
			.optional(),
		name: z.string().trim().min(1).max(80),
		percentOff: z.number().int().min(1).max(100).optional(),
		amountOff: z.number().int().min(1).optional(),
		/** amountOff is in this currency's minor units (schema/money.ts): 1500 jpy is ¥1,500, 1234 kwd is KWD 1.234. */
		currency: z
			.string()
			.regex(/^[a-z]{3}$/, "a lower-case ISO currency code")
			.refine(isKnownCurrency, "is not an ISO 4217 currency")
			.optional(),
		duration: z.enum(COUPON_DURATIONS),
		durationInMonths: z.number().int().min(1).max(36).optional(),
		maxRedemptions: z.number().int().min(1).optional(),
		expiresAt: z.number().int().optional(),
		startsAt: z.number().int().optional(),
		endsAt: z.number().int().optional(),
	})
	.superRefine((v, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
		if ((v.percentOff === undefined) === (v.amountOff === undefined)) issue("percentOff", "give exactly one of percentOff or amountOff");
		if (v.duration === "repeating" && v.durationInMonths === undefined) issue("durationInMonths", "is required for a repeating coupon");
		if (v.duration !== "repeating" && v.durationInMonths !== undefined) issue("durationInMonths", "only applies to a repeating coupon");
		if (v.kind === "code" && v.code === undefined) issue("code", "is required for a code coupon");
		if (v.kind === "flash_sale") {
			if (v.code !== undefined) issue("code", "a flash sale applies without a code");
			if (v.startsAt === undefined) issue("startsAt", "is required for a flash sale");
			if (v.endsAt === undefined) issue("endsAt", "is required for a flash sale");
			else if (v.startsAt !== undefined && v.endsAt <= v.startsAt) issue("endsAt", "must be after startsAt");
		}
	})
	.meta({ id: "CouponInput" });
export type CouponInput = z.infer<typeof CouponInput>;

export const Coupon = z
	.object({
		id: z.string(),
		kind: z.enum(STORED_COUPON_KINDS),
		code: z.string().nullable(),
		name: z.string(),
		percentOff: z.number().int().nullable(),
		amountOff: z.number().int().nullable(),
		currency: z.string().nullable(),
		duration: z.enum(COUPON_DURATIONS),
		durationInMonths: z.number().int().nullable(),
		maxRedemptions: z.number().int().nullable(),
		expiresAt: z.number().int().nullable(),
		startsAt: z.number().int().nullable(),
		endsAt: z.number().int().nullable(),
		active: z.boolean(),
		redemptions: z.number().int(),
		stripeCouponId: z.string(),
		stripePromotionCodeId: z.string().nullable(),
		createdAt: z.number().int(),
	})
	.meta({ id: "Coupon" });
export type Coupon = z.infer<typeof Coupon>;
export const CouponList = z.object({ coupons: z.array(Coupon) }).meta({ id: "CouponList" });

export const RefundRequest = z
	.strictObject({
		invoiceId: z.string().min(1).max(100),
		/** Minor units; omitted: everything paid and not yet refunded. */
		amount: z.number().int().min(1).optional(),
		reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
		/** The same key on a retried request answers the first refund instead of refunding again. */
		idempotencyKey: z.string().min(8).max(100),
	})
	.meta({ id: "RefundRequest" });
export type RefundRequest = z.infer<typeof RefundRequest>;

export const Refund = z
	.object({
		id: z.string(),
		tenantId: z.string(),
		invoiceId: z.string().nullable(),
		amount: z.number().int(),
		currency: z.string(),
		reason: z.string().nullable(),
		createdAt: z.number().int(),
		/** What is still refundable on the invoice after this refund. */
		remaining: z.number().int(),
	})
	.meta({ id: "Refund" });
export type Refund = z.infer<typeof Refund>;
