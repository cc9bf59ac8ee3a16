/** The agency's billing and entitlements as signals: plan and status, invoices, proration preview, and the actions. */
import { computed, signal } from "@preact/signals";
import type { BillingSummary } from "../../../schema/billing";
import type { CreditPackId } from "../../../schema/credit-packs";
import type { BillingInterval, PlanId } from "../../../schema/plans";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { type Result, send } from "../api/request";
import { entitlements, loadEntitlements } from "./entitlements";

export { entitlements, loadEntitlements };

export type Invoice = {
	id: string;
	number: string | null;
	status: string;
	amountDue: number;
	currency: string;
	hostedInvoiceUrl: string | null;
	invoicePdf: string | null;
	createdAt: number;
};
type Preview = { planId: PlanId; interval: BillingInterval; amountDue: number; currency: string };

export const billing = signal<BillingSummary | null>(null);
export const invoiceRows = signal<Invoice[]>([]);
export const billingProblem = signal<ProblemView | null>(null);
export const preview = signal<Preview | null>(null);
export const interval = signal<BillingInterval>("month");
/** The coupon code typed on the Billing page; sent with a plan Checkout when not blank. */
export const couponCode = signal("");
export const busy = signal(false);

/** A live subscription: plan changes go through preview + change, not a new checkout. */
export const hasLiveSubscription = computed(() => {
	const status = billing.value?.status;
	return status !== null && status !== undefined && status !== "canceled" && status !== "incomplete_expired";
});

/** What the app frame's banner says to admins, from the entitlements every staff member may read. */
export const paymentBanner = computed(() => {
	const e = entitlements.value;
	if (!e) return null;
	if (e.restricted) return "Payment overdue: some features are paused until the payment succeeds.";
	if (e.subscriptionStatus === "past_due") return "Your last payment failed. Update the payment method to keep full access.";
	return null;
});

export async function loadBilling(): Promise<void> {
	billingProblem.value = null;
	const [b, i] = await Promise.all([send(() => api.api.v1.billing.$get()), send(() => api.api.v1.billing.invoices.$get())]);
	if (!b.ok || !i.ok) {
		billingProblem.value = (!b.ok && b.problem) || (!i.ok && i.problem) || null;
		return;
	}
	if (b.value.status === 200) billing.value = await b.value.json();
	if (i.value.status === 200) invoiceRows.value = (await i.value.json()).invoices;
	await loadEntitlements();
}

async function redirectTo(request: () => Promise<Result<{ url: string }>>): Promise<void> {
	busy.value = true;
	billingProblem.value = null;
	const result = await request();
	busy.value = false;
	if (!result.ok) {
		billingProblem.value = result.problem;
		return;
	}
	window.location.assign(result.value.url);
}

export const startCheckout = (planId: PlanId) =>
	redirectTo(() => {
		const coupon = couponCode.value.trim();
		return fetchJson(() =>
			api.api.v1.billing.checkout.$post({ json: { planId, interval: interval.value, ...(coupon ? { coupon } : {}) } }),
		);
	});
export const startTopUp = (pack: CreditPackId) => redirectTo(() => fetchJson(() => api.api.v1.billing["top-up"].$post({ json: { pack } })));
export const openPortal = () => redirectTo(() => fetchJson(() => api.api.v1.billing.portal.$post()));

async function update(request: () => Promise<Result<BillingSummary>>): Promise<boolean> {
	busy.value = true;
	billingProblem.value = null;
	const result = await request();
	busy.value = false;
	if (!result.ok) {
		billingProblem.value = result.problem;
		return false;
	}
	billing.value = result.value;
	await loadEntitlements();
	return true;
}

export async function previewChange(planId: PlanId): Promise<void> {
	busy.value = true;
	billingProblem.value = null;
	const chosen = interval.value;
	const result = await send(() => api.api.v1.billing["preview-change"].$post({ json: { planId, interval: chosen } }));
	busy.value = false;
	if (!result.ok) {
		billingProblem.value = result.problem;
		return;
	}
	if (result.value.status !== 200) return;
	const body = await result.value.json();
	preview.value = { planId, interval: chosen, amountDue: body.amountDue, currency: body.currency };
}

export async function confirmChange(): Promise<void> {
	const p = preview.value;
	if (!p) return;
	if (await update(() => fetchJson(() => api.api.v1.billing.change.$post({ json: { planId: p.planId, interval: p.interval } }))))
		preview.value = null;
}

export const cancelSubscription = (reason: "too_expensive" | "missing_features" | "switched_service" | "unused" | "other") =>
	update(() => fetchJson(() => api.api.v1.billing.cancel.$post({ json: { reason } })));
export const reactivate = () => update(() => fetchJson(() => api.api.v1.billing.reactivate.$post()));
