/**
 * Platform-wide discounts defined by the operator and mirrored to Stripe: codes a customer types at
 * checkout, and flash sales (a window in which a discount applies without a code). Redemptions are
 * recorded once per Checkout session from verified webhooks; a coupon's use count is their count.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

/** Kinds the operator creates; `referral` is the referral programme's own coupon, made by Atrium. */
export const COUPON_KINDS = ["code", "flash_sale"] as const;
export const STORED_COUPON_KINDS = [...COUPON_KINDS, "referral"] as const;
export const COUPON_DURATIONS = ["once", "repeating", "forever"] as const;

export const coupons = sqliteTable(
	"coupons",
	{
		id: text("id").primaryKey(),
		kind: text("kind", { enum: STORED_COUPON_KINDS }).notNull(),
		/** The customer-facing code (upper case), for `code` coupons; null for a flash sale. */
		code: text("code"),
		name: text("name").notNull(),
		percentOff: integer("percent_off"),
		amountOff: integer("amount_off"),
		currency: text("currency"),
		duration: text("duration", { enum: COUPON_DURATIONS }).notNull(),
		durationInMonths: integer("duration_in_months"),
		maxRedemptions: integer("max_redemptions"),
		/** A code stops being accepted at this time (ms). */
		expiresAt: integer("expires_at"),
		/** A flash sale's window (ms). */
		startsAt: integer("starts_at"),
		endsAt: integer("ends_at"),
		active: integer("active", { mode: "boolean" }).notNull().default(true),
		stripeCouponId: text("stripe_coupon_id").notNull(),
		stripePromotionCodeId: text("stripe_promotion_code_id"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [uniqueIndex("coupons_code_unique").on(t.code), uniqueIndex("coupons_stripe_coupon_unique").on(t.stripeCouponId)],
);

/** One row per Checkout session that used a coupon: the session id makes a redelivered event a no-op. */
export const couponRedemptions = sqliteTable(
	"coupon_redemptions",
	{
		checkoutSessionId: text("checkout_session_id").primaryKey(),
		couponId: text("coupon_id")
			.notNull()
			.references(() => coupons.id, { onDelete: "cascade" }),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		redeemedAt: integer("redeemed_at").notNull(),
	},
	(t) => [index("coupon_redemptions_coupon_idx").on(t.couponId)],
);

export type CouponRow = typeof coupons.$inferSelect;
