/** The Billing page (owner: billing:manage): plan and status, plans with Checkout or a previewed change, cancel/reactivate, top-ups, invoices. */

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { CANCEL_REASONS } from "../../../schema/billing";
import { CREDIT_PACKS } from "../../../schema/credit-packs";
import { formatMoney } from "../../../schema/money";
import { featureIsComing, PLAN_FEATURES, PLANS, type Plan } from "../../../schema/plans";
import { FormAlert } from "../components/form-kit/form-alert";
import { Button } from "../components/kit/button";
import { byNumber, byText, type Column, DataTable } from "../components/kit/data-table";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDate } from "../lib/date-format";
import {
	billing,
	billingProblem,
	busy,
	cancelSubscription,
	confirmChange,
	couponCode,
	entitlements,
	hasLiveSubscription,
	type Invoice,
	interval,
	invoiceRows,
	loadBilling,
	openPortal,
	preview,
	previewChange,
	reactivate,
	startCheckout,
	startTopUp,
} from "../models/billing";

const STATUS_LABELS: Record<string, string> = {
	trialing: "Trial",
	active: "Active",
	past_due: "Payment failed",
	canceled: "Cancelled",
	unpaid: "Unpaid",
	incomplete: "Incomplete",
	incomplete_expired: "Expired",
	paused: "Paused",
};
const REASON_LABELS: Record<(typeof CANCEL_REASONS)[number], string> = {
	too_expensive: "Too expensive",
	missing_features: "Missing features",
	switched_service: "Switched to another service",
	unused: "Not using it enough",
	other: "Other",
};
const FEATURE_LABELS: Record<(typeof PLAN_FEATURES)[number], string> = {
	messaging: "Client messaging",
	white_label: "White label (your logo, colour and email sender)",
	custom_domain: "Custom domain",
	api_access: "API access",
	sso: "Single sign-on",
	automation: "Automation",
};

const INVOICE_COLUMNS: Column<Invoice>[] = [
	{ key: "date", header: "Date", cell: (i) => formatDate(i.createdAt), sort: byNumber((i) => i.createdAt) },
	{ key: "number", header: "Number", cell: (i) => i.number ?? "—", rowHeader: true, sort: byText((i) => i.number ?? "") },
	{ key: "amount", header: "Amount", cell: (i) => formatMoney(i.amountDue, i.currency), sort: byNumber((i) => i.amountDue) },
	{ key: "status", header: "Status", cell: (i) => i.status, sort: byText((i) => i.status) },
	{
		key: "links",
		header: "Links",
		cell: (i) => (
			<>
				{i.hostedInvoiceUrl && <a href={i.hostedInvoiceUrl}>View invoice {i.number}</a>}{" "}
				{i.invoicePdf && <a href={i.invoicePdf}>PDF of invoice {i.number}</a>}
			</>
		),
	},
];

function CurrentPlan() {
	const b = billing.value;
	const reason = useSignal<(typeof CANCEL_REASONS)[number]>("too_expensive");
	if (!b) return <div class="skeleton skeleton-line" />;
	const live = hasLiveSubscription.value;
	return (
		<section class="card" aria-labelledby="current-heading">
			<h2 id="current-heading">Current plan</h2>
			<p data-testid="current-plan">
				<strong>{PLANS[b.planId].name}</strong> — {b.status ? (STATUS_LABELS[b.status] ?? b.status) : "No subscription yet"}
			</p>
			{b.status === "trialing" && b.trialEnd && <p>Your trial ends on {formatDate(b.trialEnd)}.</p>}
			{live && b.currentPeriodEnd && (
				<p>
					{b.cancelAtPeriodEnd ? "Ends" : "Renews"} on {formatDate(b.currentPeriodEnd)}
					{b.interval ? ` (billed ${b.interval === "year" ? "yearly" : "monthly"})` : ""}.
				</p>
			)}
			{b.scheduledPlanId && b.currentPeriodEnd && (
				<p>
					Switches to {PLANS[b.scheduledPlanId].name} on {formatDate(b.currentPeriodEnd)}.
				</p>
			)}
			{b.graceEndsAt && <p>Full access until {formatDate(b.graceEndsAt)} unless the payment succeeds.</p>}
			{live && (
				<div class="actions">
					<Button variant="secondary" disabled={busy.value} onClick={() => void openPortal()}>
						Manage payment method
					</Button>
					{b.cancelAtPeriodEnd ? (
						<Button variant="primary" block={false} disabled={busy.value} onClick={() => void reactivate()}>
							Keep my subscription
						</Button>
					) : (
						<form
							onSubmit={(event) => {
								event.preventDefault();
								void cancelSubscription(reason.value);
							}}
						>
							<label for="cancel-reason">Reason for cancelling</label>
							<select
								id="cancel-reason"
								value={reason.value}
								onChange={(event) => {
									reason.value = event.currentTarget.value as (typeof CANCEL_REASONS)[number];
								}}
							>
								{CANCEL_REASONS.map((r) => (
									<option key={r} value={r}>
										{REASON_LABELS[r]}
									</option>
								))}
							</select>
							<Button variant="secondary" type="submit" disabled={busy.value}>
								Cancel at period end
							</Button>
						</form>
					)}
				</div>
			)}
		</section>
	);
}

function PlanCard({ plan }: { plan: Plan }) {
	const b = billing.value;
	const current = b?.planId === plan.id && hasLiveSubscription.value && b?.interval === interval.value;
	const live = hasLiveSubscription.value;
	return (
		<li class="card plan-card">
			<h3>{plan.name}</h3>
			<p>{plan.summary}</p>
			<p class="price">
				{formatMoney(plan.prices[interval.value], plan.currency)} / {interval.value === "year" ? "year" : "month"}
			</p>
			<ul>
				<li>{plan.limits.seats === null ? "Unlimited seats" : `${plan.limits.seats} team seats`}</li>
				<li>{plan.limits.clients === null ? "Unlimited clients" : `${plan.limits.clients} clients`}</li>
				<li>{plan.limits.monthlyAiCredits.toLocaleString()} AI credits a month</li>
				{plan.features.map((f) => (
					<li key={f}>
						{FEATURE_LABELS[f]}
						{featureIsComing(f) && (
							<>
								{" "}
								<span class="badge">coming</span>
							</>
						)}
					</li>
				))}
			</ul>
			{current ? (
				<p>Your current plan</p>
			) : live ? (
				<Button variant="secondary" disabled={busy.value} onClick={() => void previewChange(plan.id)}>
					Switch to {plan.name}
				</Button>
			) : (
				<Button variant="primary" block={false} disabled={busy.value} onClick={() => void startCheckout(plan.id)}>
					Start {plan.trialDays}-day trial of {plan.name}
				</Button>
			)}
		</li>
	);
}

function ChangePreview() {
	const p = preview.value;
	if (!p) return null;
	return (
		<section class="card" aria-labelledby="preview-heading">
			<h2 id="preview-heading">Switch to {PLANS[p.planId].name}</h2>
			<p>
				{p.amountDue > 0
					? `You will be charged ${formatMoney(p.amountDue, p.currency)} now for the rest of this period.`
					: "Nothing is charged now: a move to a smaller plan takes effect at the end of the period you have paid for."}
			</p>
			<div class="actions">
				<Button variant="primary" block={false} disabled={busy.value} onClick={() => void confirmChange()}>
					Confirm switch
				</Button>
				<Button
					variant="secondary"
					onClick={() => {
						preview.value = null;
					}}
				>
					Keep current plan
				</Button>
			</div>
		</section>
	);
}

/** An optional code for the next plan Checkout; a running flash sale applies without one. */
function CouponField() {
	const error = billingProblem.value?.fields.coupon;
	return (
		<div class="field">
			<label for="coupon-code">Coupon code (optional)</label>
			<input
				id="coupon-code"
				name="coupon"
				autocomplete="off"
				maxLength={32}
				value={couponCode.value}
				aria-invalid={error ? "true" : undefined}
				aria-describedby={error ? "coupon-error" : undefined}
				onInput={(e) => {
					couponCode.value = e.currentTarget.value;
				}}
			/>
			{error && (
				<p id="coupon-error" class="field-error">
					Coupon code {error}
				</p>
			)}
		</div>
	);
}

function Entitlements() {
	const e = entitlements.value;
	if (!e) return null;
	return (
		<section class="card" aria-labelledby="includes-heading">
			<h2 id="includes-heading">What your plan includes</h2>
			<ul>
				{PLAN_FEATURES.map((f) => (
					<li key={f}>
						{FEATURE_LABELS[f]}: {featureIsComing(f) ? "coming" : e.features[f] ? "included" : "not included — upgrade to use it"}
					</li>
				))}
				<li>
					Team seats: {e.limits.seats.used} of {e.limits.seats.limit ?? "unlimited"} used
				</li>
			</ul>
		</section>
	);
}

export default function Billing() {
	useDocumentTitle("Billing");
	useEffect(() => {
		void loadBilling();
	}, []);
	const restricted = entitlements.value?.restricted === true;
	return (
		<>
			<h1>Billing</h1>
			<p>
				<a href="/billing/referrals">Referrals: share your link, earn credits</a>
			</p>
			<FormAlert message={billingProblem.value?.detail ?? null} />
			<CurrentPlan />
			<ChangePreview />
			<section class="card" aria-labelledby="plans-heading">
				<h2 id="plans-heading">Plans</h2>
				<fieldset>
					<legend>Billing period</legend>
					{(["month", "year"] as const).map((i) => (
						<label key={i}>
							<input
								type="radio"
								name="interval"
								value={i}
								checked={interval.value === i}
								onChange={() => {
									interval.value = i;
								}}
							/>{" "}
							{i === "month" ? "Monthly" : "Yearly (2 months free)"}
						</label>
					))}
				</fieldset>
				<CouponField />
				<ul class="plan-cards">
					{Object.values(PLANS).map((plan) => (
						<PlanCard key={plan.id} plan={plan} />
					))}
				</ul>
			</section>
			<Entitlements />
			<section class="card" aria-labelledby="topup-heading">
				<h2 id="topup-heading">AI credit top-ups</h2>
				{restricted && <p>Top-ups are paused until the overdue payment succeeds.</p>}
				<ul class="actions">
					{Object.values(CREDIT_PACKS).map((pack) => (
						<li key={pack.id}>
							<Button variant="secondary" disabled={busy.value || restricted} onClick={() => void startTopUp(pack.id)}>
								Buy {pack.name} for {formatMoney(pack.price, pack.currency)}
							</Button>
						</li>
					))}
				</ul>
			</section>
			<section class="card" aria-labelledby="invoices-heading">
				<h2 id="invoices-heading">Invoices</h2>
				<DataTable
					caption="Your invoices, newest first"
					rows={invoiceRows.value}
					rowKey={(invoice) => invoice.id}
					empty="No invoices yet."
					columns={INVOICE_COLUMNS}
				/>
			</section>
		</>
	);
}
