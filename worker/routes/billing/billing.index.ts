/** The billing router: owner-only subscription management, and the Stripe webhook (no session, raw body). */
import type { Context } from "hono";
import type { AuditAction } from "../../../schema/audit-actions";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { Problem } from "../../lib/problem";
import { stripeClient, verifyStripeEvent } from "../../lib/stripe";
import { currentAuth } from "../../middleware/require-permission";
import { recordAudit, userActor } from "../../services/audit/audit-log";
import { checkoutDiscount } from "../../services/billing/coupons";
import { ensureCustomer } from "../../services/billing/customers";
import { referralDiscount } from "../../services/billing/referral-rewards";
import * as actions from "../../services/billing/subscription-actions";
import { processStripeEvent } from "../../services/billing/webhook-events";
import * as routes from "./billing.routes";

function context(c: Context<AppEnv>) {
	const tenant = tenantOf(c);
	const scope = tenantScope(c.get("db"), tenant.id);
	return { tenant, scope, stripe: stripeClient(c.env), auth: currentAuth(c), returnUrl: `${new URL(c.req.url).origin}/billing` };
}

async function audit(c: Context<AppEnv>, action: AuditAction, detail: Record<string, string>): Promise<void> {
	const { scope, auth } = context(c);
	await recordAudit(scope, {
		action,
		actor: userActor(auth.user),
		target: { type: "tenant", id: scope.tenantId },
		detail,
		ip: c.req.header("CF-Connecting-IP") ?? null,
		userAgent: c.req.header("User-Agent") ?? null,
	});
}

async function summaryOf(c: Context<AppEnv>) {
	return actions.billingSummary(tenantScope(c.get("db"), tenantOf(c).id), Boolean(c.env.STRIPE_SECRET_KEY));
}

export const billingRouter = createRouter()
	.openapi(routes.summary, async (c) => c.json(await summaryOf(c), 200))
	.openapi(routes.checkout, async (c) => {
		const { coupon, ...input } = c.req.valid("json");
		const { scope, stripe, auth, tenant, returnUrl } = context(c);
		// A typed code wins; else a referred agency's first Checkout gets the referral discount; else a running flash sale.
		const typed = coupon !== undefined && coupon.trim() !== "";
		const discount =
			(typed ? null : await referralDiscount(c.get("db"), stripe, scope.tenantId)) ?? (await checkoutDiscount(c.get("db"), coupon));
		const customerId = await ensureCustomer(scope, stripe, auth.user, tenant.name);
		const url = await actions.startCheckout(scope, stripe, { customerId, ...input, discount, returnUrl });
		await audit(c, "billing.checkout_started", { planId: input.planId, interval: input.interval, ...(coupon ? { coupon } : {}) });
		return c.json({ url }, 200);
	})
	.openapi(routes.topUp, async (c) => {
		const { pack } = c.req.valid("json");
		const { scope, stripe, auth, tenant, returnUrl } = context(c);
		const customerId = await ensureCustomer(scope, stripe, auth.user, tenant.name);
		const url = await actions.startTopUp(stripe, scope, { customerId, pack, returnUrl });
		await audit(c, "billing.checkout_started", { pack });
		return c.json({ url }, 200);
	})
	.openapi(routes.portal, async (c) => {
		const { scope, stripe, returnUrl } = context(c);
		return c.json({ url: await actions.portalUrl(scope, stripe, returnUrl) }, 200);
	})
	.openapi(routes.previewChange, async (c) => {
		const { planId, interval } = c.req.valid("json");
		const { scope, stripe } = context(c);
		return c.json(await actions.previewPlanChange(scope, stripe, planId, interval), 200);
	})
	.openapi(routes.change, async (c) => {
		const { planId, interval } = c.req.valid("json");
		const { scope, stripe } = context(c);
		const effective = await actions.changePlan(scope, stripe, planId, interval);
		await audit(c, "billing.plan_changed", { planId, interval, effective });
		return c.json(await summaryOf(c), 200);
	})
	.openapi(routes.cancel, async (c) => {
		const { reason, comment } = c.req.valid("json");
		const { scope, stripe } = context(c);
		await actions.setCancelAtPeriodEnd(scope, stripe, true, reason, comment);
		await audit(c, "billing.subscription_canceled", { reason });
		return c.json(await summaryOf(c), 200);
	})
	.openapi(routes.reactivate, async (c) => {
		const { scope, stripe } = context(c);
		await actions.setCancelAtPeriodEnd(scope, stripe, false);
		await audit(c, "billing.subscription_reactivated", {});
		return c.json(await summaryOf(c), 200);
	})
	.openapi(routes.invoiceList, async (c) => {
		const rows = await actions.listInvoices(tenantScope(c.get("db"), tenantOf(c).id));
		return c.json({ invoices: rows.map(({ tenantId: _tenantId, ...invoice }) => invoice) }, 200);
	});

export const stripeWebhookRouter = createRouter().openapi(routes.webhook, async (c) => {
	const payload = await c.req.text();
	const event = await verifyStripeEvent(c.env, payload, c.req.header("Stripe-Signature"));
	if (!event) {
		throw new Problem(400, "invalid-signature", "Webhook signature invalid", "The Stripe-Signature header is missing, forged or too old.", {
			errors: [{ path: "Stripe-Signature", message: "does not verify" }],
		});
	}
	const outcome = await processStripeEvent({ db: c.get("db"), stripe: stripeClient(c.env), env: c.env }, event);
	return c.json({ received: true, duplicate: outcome === "duplicate" }, 200);
});
