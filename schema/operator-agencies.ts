/** Wire shapes of the operator's agency directory: a searchable page of agencies, and an agency's invoices with what was refunded. */
import { z } from "@hono/zod-openapi";
import { InvoiceSummary } from "./billing";
import { PLAN_IDS } from "./plans";
import { SUBSCRIPTION_STATUSES } from "./tables/billing";

export const OperatorAgenciesQuery = z.strictObject({
	/** Part of the agency's name; A–Z in any case, other letters as written (docs/API.md, "Lists, cursors and names"). */
	q: z.string().trim().max(80, "must be at most 80 characters").optional(),
	cursor: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,200}$/, "must be a cursor returned by this endpoint")
		.optional(),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
});
export type OperatorAgenciesQuery = z.infer<typeof OperatorAgenciesQuery>;

export const OperatorAgency = z
	.object({
		id: z.string(),
		name: z.string(),
		slug: z.string(),
		status: z.enum(["active", "suspended"]),
		planId: z.enum(PLAN_IDS),
		/** The Stripe subscription's status; null when the agency never subscribed. */
		subscriptionStatus: z.enum(SUBSCRIPTION_STATUSES).nullable(),
		createdAt: z.number().int(),
	})
	.meta({ id: "OperatorAgency" });
export type OperatorAgency = z.infer<typeof OperatorAgency>;

export const OperatorAgencyList = z
	.object({ agencies: z.array(OperatorAgency), nextCursor: z.string().nullable() })
	.meta({ id: "OperatorAgencyList" });

export const OperatorInvoice = InvoiceSummary.extend({
	/** Minor units refunded so far. */
	refunded: z.number().int(),
	/** Minor units that can still be refunded (0 unless paid). */
	refundable: z.number().int(),
}).meta({ id: "OperatorInvoice" });
export type OperatorInvoice = z.infer<typeof OperatorInvoice>;

export const OperatorInvoiceList = z
	.object({ agency: OperatorAgency, invoices: z.array(OperatorInvoice) })
	.meta({ id: "OperatorInvoiceList" });
export type OperatorInvoiceList = z.infer<typeof OperatorInvoiceList>;
