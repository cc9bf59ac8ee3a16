/** Wire contract of the billing API: the agency's subscription, checkout, plan changes and invoices. */
import { z } from "zod";
import { CREDIT_PACK_IDS } from "./credit-packs";
import { BILLING_INTERVALS, PLAN_IDS } from "./plans";

export const CANCEL_REASONS = ["too_expensive", "missing_features", "switched_service", "unused", "other"] as const;

export const BillingBanner = z.enum(["none", "payment_failed", "access_reduced", "trial_ending", "canceling"]);

export const BillingSummary = z
	.object({
		planId: z.enum(PLAN_IDS),
		status: z.string().nullable(),
		interval: z.enum(BILLING_INTERVALS).nullable(),
		currentPeriodEnd: z.number().int().nullable(),
		cancelAtPeriodEnd: z.boolean(),
		trialEnd: z.number().int().nullable(),
		pastDueSince: z.number().int().nullable(),
		/** A downgrade that takes effect at `currentPeriodEnd`. */
		scheduledPlanId: z.enum(PLAN_IDS).nullable(),
		graceEndsAt: z.number().int().nullable(),
		banner: BillingBanner,
		configured: z.boolean(),
	})
	.meta({ id: "BillingSummary" });
export type BillingSummary = z.infer<typeof BillingSummary>;

export const CheckoutRequest = z
	.strictObject({ planId: z.enum(PLAN_IDS), interval: z.enum(BILLING_INTERVALS), coupon: z.string().max(64).optional() })
	.meta({ id: "CheckoutRequest" });
export const TopUpRequest = z.strictObject({ pack: z.enum(CREDIT_PACK_IDS) }).meta({ id: "TopUpRequest" });
export const PlanChangeRequest = z
	.strictObject({ planId: z.enum(PLAN_IDS), interval: z.enum(BILLING_INTERVALS) })
	.meta({ id: "PlanChangeRequest" });
export const CancelRequest = z
	.strictObject({ reason: z.enum(CANCEL_REASONS), comment: z.string().max(500).optional() })
	.meta({ id: "CancelRequest" });

export const RedirectResponse = z.object({ url: z.string() }).meta({ id: "BillingRedirect" });
export const ProrationPreview = z
	.object({
		amountDue: z.number().int(),
		currency: z.string(),
		lines: z.array(z.object({ description: z.string(), amount: z.number().int() })),
	})
	.meta({ id: "ProrationPreview" });

export const InvoiceSummary = z
	.object({
		id: z.string(),
		number: z.string().nullable(),
		status: z.string(),
		amountDue: z.number().int(),
		amountPaid: z.number().int(),
		currency: z.string(),
		hostedInvoiceUrl: z.string().nullable(),
		invoicePdf: z.string().nullable(),
		createdAt: z.number().int(),
	})
	.meta({ id: "Invoice" });
export const InvoiceList = z.object({ invoices: z.array(InvoiceSummary) }).meta({ id: "InvoiceList" });
