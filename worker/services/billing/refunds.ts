/**
 * Operator refunds of a paid invoice, full or partial, through Stripe. A request key makes a retry
 * answer the first refund (looked up here first, and passed to Stripe as its Idempotency-Key); the
 * refunds of an invoice never add up to more than was paid. Each new refund is recorded in the
 * `refunds` mirror and in the refunded agency's audit log.
 */
import { eq, sum } from "drizzle-orm";
import type { Refund, RefundRequest } from "../../../schema/coupons";
import { invoices, type RefundRow, refunds } from "../../../schema/index";
import { decimalAmount } from "../../../schema/money";
import type { Database } from "../../env";
import { tenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import type { Stripe } from "../../lib/stripe";
import { type AuditActor, recordAudit } from "../audit/audit-log";

async function refundedSoFar(db: Database, invoiceId: string): Promise<number> {
	const [row] = await db
		.select({ total: sum(refunds.amount) })
		.from(refunds)
		.where(eq(refunds.invoiceId, invoiceId));
	return Number(row?.total ?? 0);
}

async function toDto(db: Database, row: RefundRow, paid: number): Promise<Refund> {
	const remaining = paid - (row.invoiceId ? await refundedSoFar(db, row.invoiceId) : row.amount);
	return {
		id: row.id,
		tenantId: row.tenantId,
		invoiceId: row.invoiceId,
		amount: row.amount,
		currency: row.currency,
		reason: row.reason,
		createdAt: row.createdAt,
		remaining,
	};
}

/** The PaymentIntent that paid an invoice (Stripe lists an invoice's payments). */
async function paymentIntentOf(stripe: Stripe, invoiceId: string): Promise<string | null> {
	const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ["payments"] });
	const payment = invoice.payments?.data.find((p) => p.status === "paid")?.payment;
	const intent = payment?.payment_intent;
	return intent == null ? null : typeof intent === "string" ? intent : intent.id;
}

export async function refundInvoice(
	db: Database,
	stripe: Stripe,
	request: RefundRequest,
	actor: AuditActor,
	now = Date.now(),
): Promise<{ refund: Refund; replayed: boolean }> {
	const [invoice] = await db.select().from(invoices).where(eq(invoices.id, request.invoiceId)).limit(1);
	if (!invoice) throw problems.validation([{ path: "invoiceId", message: "is not a known invoice" }]);
	const [previous] = await db.select().from(refunds).where(eq(refunds.idempotencyKey, request.idempotencyKey)).limit(1);
	if (previous) {
		if (previous.invoiceId !== invoice.id) throw problems.conflict("idempotencyKey", "was used for another invoice");
		return { refund: await toDto(db, previous, invoice.amountPaid), replayed: true };
	}
	if (invoice.status !== "paid" || invoice.amountPaid <= 0)
		throw new Problem(409, "invoice-not-paid", "Nothing to refund", "Only a paid invoice can be refunded.");
	const refundable = invoice.amountPaid - (await refundedSoFar(db, invoice.id));
	const amount = request.amount ?? refundable;
	if (refundable <= 0) throw problems.validation([{ path: "amount", message: "the invoice is already fully refunded" }]);
	if (amount > refundable) {
		const readable = `${decimalAmount(refundable, invoice.currency)} ${invoice.currency.toUpperCase()}`;
		throw problems.validation([{ path: "amount", message: `may be at most ${refundable} (${readable})` }]);
	}
	const paymentIntent = await paymentIntentOf(stripe, invoice.id);
	if (!paymentIntent) throw new Problem(409, "invoice-not-paid", "Nothing to refund", "Stripe has no payment for this invoice.");
	const stripeRefund = await stripe.refunds.create(
		{
			payment_intent: paymentIntent,
			amount,
			...(request.reason ? { reason: request.reason } : {}),
			metadata: { tenantId: invoice.tenantId, invoiceId: invoice.id },
		},
		{ idempotencyKey: `atrium-refund:${request.idempotencyKey}` },
	);
	const row: RefundRow = {
		id: stripeRefund.id,
		tenantId: invoice.tenantId,
		invoiceId: invoice.id,
		amount: stripeRefund.amount,
		currency: stripeRefund.currency,
		reason: request.reason ?? null,
		createdAt: now,
		issuedBy: actor.label,
		idempotencyKey: request.idempotencyKey,
	};
	const inserted = await db.insert(refunds).values(row).onConflictDoNothing().returning({ id: refunds.id });
	if (inserted.length > 0) {
		await recordAudit(tenantScope(db, invoice.tenantId), {
			action: "billing.refund_issued",
			actor,
			target: { type: "invoice", id: invoice.id },
			detail: { refund: row.id, amount: row.amount, currency: row.currency, reason: row.reason },
			ip: null,
			userAgent: null,
		});
	}
	return { refund: await toDto(db, row, invoice.amountPaid), replayed: inserted.length === 0 };
}
