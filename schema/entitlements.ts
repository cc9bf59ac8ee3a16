/**
 * What a tenant may do now and how much of each limit is left: the contract of
 * GET /api/v1/entitlements, which the PWA reads to disable controls with an upgrade prompt.
 */
import { z } from "zod";
import { PLAN_FEATURES, PLAN_IDS } from "./plans";

export const COUNTED_LIMITS = ["seats", "clients", "storageBytes"] as const;
export type CountedLimit = (typeof COUNTED_LIMITS)[number];

/** Why access is reduced: a payment has been failing for longer than the grace period, or the subscription is unpaid. */
export const RESTRICTION_REASONS = ["payment_overdue", "unpaid"] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

/** Days a past-due subscription keeps full access before it is reduced. */
export const PAYMENT_GRACE_DAYS = 7;

const LimitUsage = z.object({
	/** null = unlimited */
	limit: z.number().int().nullable(),
	used: z.number().int(),
	/** null = unlimited */
	remaining: z.number().int().nullable(),
});

export const EntitlementsResponse = z
	.object({
		planId: z.enum(PLAN_IDS),
		planName: z.string(),
		subscriptionStatus: z.string().nullable(),
		restricted: z.boolean(),
		restrictionReason: z.enum(RESTRICTION_REASONS).nullable(),
		/** When a past-due subscription loses full access (ms), if it is in its grace period. */
		graceEndsAt: z.number().int().nullable(),
		features: z.record(z.enum(PLAN_FEATURES), z.boolean()),
		limits: z.object({ seats: LimitUsage, clients: LimitUsage, storageBytes: LimitUsage }),
		aiCredits: z.object({ monthlyAllowance: z.number().int(), available: z.number().int() }),
	})
	.meta({ id: "Entitlements" });
export type EntitlementsResponse = z.infer<typeof EntitlementsResponse>;
