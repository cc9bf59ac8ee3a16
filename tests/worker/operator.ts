/** Test helpers for the platform operator's API: requests on the platform host with the operator token, and a paid invoice to refund. */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { subscriptions } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import type { Agency } from "../support/agencies";
import { call, PLATFORM } from "../support/http";
import { deliverAll, fake, payAndDeliver } from "../support/stripe";

export const OPERATOR_TOKEN = "op_test_atrium_operator";

export function asOperator(path: string, options: { method?: string; body?: unknown; token?: string | null; host?: string } = {}) {
	const token = options.token === undefined ? OPERATOR_TOKEN : options.token;
	return call(options.host ?? PLATFORM, path, {
		method: options.method,
		body: options.body,
		headers: token === null ? {} : { Authorization: `Bearer ${token}` },
		sameOrigin: false,
	});
}

/** A code no other test (sharing the one Stripe fake) has used. */
export function uniqueCode(prefix: string): string {
	return `${prefix}-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
}

export type CouponDto = { id: string; code: string | null; redemptions: number; active: boolean; stripeCouponId: string };

export async function createCoupon(body: Record<string, unknown>): Promise<CouponDto> {
	const res = await asOperator("/api/operator/coupons", { body });
	if (res.status !== 201) throw new Error(`coupon refused: ${res.status} ${await res.text()}`);
	return res.json();
}

export async function couponById(id: string): Promise<CouponDto | undefined> {
	const res = await asOperator("/api/operator/coupons");
	return ((await res.json()) as { coupons: CouponDto[] }).coupons.find((c) => c.id === id);
}

/** Subscribes the agency to Pro through the Stripe fake and renews once past the trial: its paid invoice (14 900 minor units). */
export async function paidInvoice(agency: Agency): Promise<{ id: string; amountPaid: number }> {
	const res = await call(agency.host, "/api/v1/billing/checkout", {
		cookie: agency.ownerCookie,
		body: { planId: "pro", interval: "month" },
	});
	await payAndDeliver(((await res.json()) as { url: string }).url);
	const [sub] = await createDb(env.DB).select().from(subscriptions).where(eq(subscriptions.tenantId, agency.tenantId));
	await deliverAll((await fake(`/_fake/subscriptions/${sub?.stripeSubscriptionId}/renew`)).events);
	const list = await call(agency.host, "/api/v1/billing/invoices", { cookie: agency.ownerCookie });
	const invoices = ((await list.json()) as { invoices: { id: string; amountPaid: number }[] }).invoices;
	const paid = invoices.find((i) => i.amountPaid > 0);
	if (!paid) throw new Error("no paid invoice");
	return paid;
}
