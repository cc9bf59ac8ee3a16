/**
 * Billing mirror of Stripe: the tenant ↔ customer link, the tenant's subscription as last rebuilt
 * from Stripe, the events already processed (once each), invoices and refunds. Stripe is the source
 * of truth; these rows are rebuilt from its objects, never from the order events arrive in.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { BILLING_INTERVALS, PLAN_IDS } from "../plans";
import { tenants } from "./tenants";

export const SUBSCRIPTION_STATUSES = [
	"trialing",
	"active",
	"past_due",
	"canceled",
	"unpaid",
	"incomplete",
	"incomplete_expired",
	"paused",
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const billingCustomers = sqliteTable(
	"billing_customers",
	{
		tenantId: text("tenant_id")
			.primaryKey()
			.references(() => tenants.id, { onDelete: "cascade" }),
		stripeCustomerId: text("stripe_customer_id").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [uniqueIndex("billing_customers_stripe_unique").on(t.stripeCustomerId)],
);

/** One row per tenant: its current (or last) Stripe subscription. */
export const subscriptions = sqliteTable(
	"subscriptions",
	{
		tenantId: text("tenant_id")
			.primaryKey()
			.references(() => tenants.id, { onDelete: "cascade" }),
		stripeSubscriptionId: text("stripe_subscription_id").notNull(),
		/** Stripe's `created` (ms): a stale event about an older subscription never replaces a newer one. */
		stripeCreatedAt: integer("stripe_created_at").notNull(),
		status: text("status", { enum: SUBSCRIPTION_STATUSES }).notNull(),
		planId: text("plan_id", { enum: PLAN_IDS }).notNull(),
		interval: text("interval", { enum: BILLING_INTERVALS }).notNull(),
		/** Stripe's current period (ms); the monthly credit grant is keyed by it. */
		currentPeriodStart: integer("current_period_start"),
		currentPeriodEnd: integer("current_period_end"),
		cancelAtPeriodEnd: integer("cancel_at_period_end", { mode: "boolean" }).notNull().default(false),
		cancelReason: text("cancel_reason"),
		trialEnd: integer("trial_end"),
		/** When the unpaid invoice that made it past due was issued (ms); null unless past due. */
		pastDueSince: integer("past_due_since"),
		/** A plan change scheduled for the period end (a downgrade), if any. */
		scheduledPlanId: text("scheduled_plan_id", { enum: PLAN_IDS }),
		scheduledInterval: text("scheduled_interval", { enum: BILLING_INTERVALS }),
		/** The credit slice (`<subscription>:<slice start ms>`) whose plan allowance has been granted, and the largest plan granted in it. */
		creditedSlice: text("credited_slice"),
		creditedPlanId: text("credited_plan_id", { enum: PLAN_IDS }),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [uniqueIndex("subscriptions_stripe_unique").on(t.stripeSubscriptionId)],
);

/** Every Stripe event id seen; inserted first, so a redelivery is recognised and skipped. */
export const stripeEvents = sqliteTable("stripe_events", {
	id: text("id").primaryKey(),
	type: text("type").notNull(),
	tenantId: text("tenant_id"),
	receivedAt: integer("received_at").notNull(),
});

export const invoices = sqliteTable(
	"invoices",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		number: text("number"),
		status: text("status").notNull(),
		amountDue: integer("amount_due").notNull(),
		amountPaid: integer("amount_paid").notNull(),
		currency: text("currency").notNull(),
		hostedInvoiceUrl: text("hosted_invoice_url"),
		invoicePdf: text("invoice_pdf"),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("invoices_tenant_time_idx").on(t.tenantId, t.createdAt)],
);

export const refunds = sqliteTable(
	"refunds",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		invoiceId: text("invoice_id"),
		amount: integer("amount").notNull(),
		currency: text("currency").notNull(),
		reason: text("reason"),
		createdAt: integer("created_at").notNull(),
		/** Who issued it (the operator label). */
		issuedBy: text("issued_by"),
		/** The operator's request key: a retried request finds its refund here instead of refunding again. */
		idempotencyKey: text("idempotency_key"),
	},
	(t) => [
		index("refunds_tenant_time_idx").on(t.tenantId, t.createdAt),
		index("refunds_invoice_idx").on(t.invoiceId),
		uniqueIndex("refunds_idempotency_unique").on(t.idempotencyKey),
	],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
