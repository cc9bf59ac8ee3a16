/**
 * The platform operator's API: only on the platform host, only with the operator token (a tenant
 * owner's session never reaches it), coupon input checked field by field, and refunds of paid
 * invoices: partial or full, never more than paid, once per request key, in the agency's audit log.
 */
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, refunds } from "../../schema/index";
import { createDb } from "../../worker/lib/db";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call, PLATFORM, problemOf } from "../support/http";
import { asOperator, paidInvoice, uniqueCode } from "./operator";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
});

const db = () => createDb(env.DB);
const validCoupon = (name: string) => ({ kind: "code", code: uniqueCode("OP"), name, percentOff: 10, duration: "once" });
/** The coupon list is platform-wide: the coupons of it with this name (each test names its own uniquely). */
async function couponsNamed(name: string): Promise<{ code: string | null; name: string }[]> {
	const res = await asOperator("/api/operator/coupons");
	expect(res.status).toBe(200);
	return ((await res.json()) as { coupons: { code: string | null; name: string }[] }).coupons.filter((c) => c.name === name);
}

describe("operator access", () => {
	it("is refused to a tenant owner, on a tenant host or the platform host, and to a wrong token", async () => {
		const onTenant = await call(acme.host, "/api/operator/coupons", { cookie: acme.ownerCookie });
		expect(onTenant.status).toBe(404);
		const tokenOnTenant = await asOperator("/api/operator/coupons", { host: acme.host });
		expect(tokenOnTenant.status).toBe(404);
		const name = uniqueCode("Refused");
		const cookieOnPlatform = await call(PLATFORM, "/api/operator/coupons", { cookie: acme.ownerCookie, body: validCoupon(name) });
		expect(cookieOnPlatform.status).toBe(401);
		expect((await asOperator("/api/operator/coupons", { token: null })).status).toBe(401);
		const wrong = await asOperator("/api/operator/coupons", { token: "op_test_atrium_operatoR" });
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get("WWW-Authenticate")).toContain("Bearer");
		expect(await couponsNamed(name)).toEqual([]);
	});

	it("rejects bad coupon input naming the field, and a taken code with 409", async () => {
		const name = uniqueCode("Ten");
		const both = await asOperator("/api/operator/coupons", { body: { ...validCoupon(name), amountOff: 500 } });
		expect(both.status).toBe(422);
		expect((await problemOf(both)).errors?.[0]?.path).toBe("percentOff");
		const repeating = await asOperator("/api/operator/coupons", { body: { ...validCoupon(name), duration: "repeating" } });
		expect((await problemOf(repeating)).errors?.[0]?.path).toBe("durationInMonths");
		const now = Date.now();
		const backwards = await asOperator("/api/operator/coupons", {
			body: { kind: "flash_sale", name, percentOff: 5, duration: "once", startsAt: now + 10_000, endsAt: now },
		});
		expect((await problemOf(backwards)).errors?.[0]?.path).toBe("endsAt");
		const badCode = await asOperator("/api/operator/coupons", { body: { ...validCoupon(name), code: "a b" } });
		expect((await problemOf(badCode)).errors?.[0]?.path).toBe("code");
		const coupon = validCoupon(name);
		expect((await asOperator("/api/operator/coupons", { body: coupon })).status).toBe(201);
		const again = await asOperator("/api/operator/coupons", { body: { ...coupon, code: coupon.code.toLowerCase() } });
		expect(again.status).toBe(409);
		expect(await couponsNamed(name)).toHaveLength(1);
	});
});

async function stripeRefunds(): Promise<{ amount: number; metadata: { invoiceId: string } }[]> {
	const res = await fetch(`${(env as { STRIPE_API_BASE?: string }).STRIPE_API_BASE}/v1/refunds`, {
		headers: { Authorization: "Bearer sk_test_atrium" },
	});
	return ((await res.json()) as { data: [] }).data;
}

describe("refunds", () => {
	it("partial then full, once per key, never above the amount paid, audited in the refunded agency only", async () => {
		const invoice = await paidInvoice(acme);
		expect(invoice.amountPaid).toBe(14900);
		const first = { invoiceId: invoice.id, amount: 5000, reason: "requested_by_customer", idempotencyKey: `${acme.slug}-refund-0001` };
		const made = await asOperator("/api/operator/refunds", { body: first });
		expect(made.status).toBe(201);
		const refund = (await made.json()) as { id: string; remaining: number; tenantId: string };
		expect(refund).toMatchObject({ amount: 5000, remaining: 9900, tenantId: acme.tenantId });
		const retried = await asOperator("/api/operator/refunds", { body: first });
		expect(retried.status).toBe(200);
		expect(((await retried.json()) as { id: string }).id).toBe(refund.id);

		const tooMuch = await asOperator("/api/operator/refunds", {
			body: { invoiceId: invoice.id, amount: 9901, idempotencyKey: `${acme.slug}-refund-0002` },
		});
		expect(tooMuch.status).toBe(422);
		expect((await problemOf(tooMuch)).errors).toEqual([{ path: "amount", message: "may be at most 9900 (99.00 USD)" }]);
		const rest = await asOperator("/api/operator/refunds", { body: { invoiceId: invoice.id, idempotencyKey: `${acme.slug}-refund-0003` } });
		expect(rest.status).toBe(201);
		expect(await rest.json()).toMatchObject({ amount: 9900, remaining: 0 });
		const none = await asOperator("/api/operator/refunds", {
			body: { invoiceId: invoice.id, amount: 1, idempotencyKey: `${acme.slug}-refund-0004` },
		});
		expect(none.status).toBe(422);

		const inStripe = (await stripeRefunds()).filter((r) => r.metadata.invoiceId === invoice.id).map((r) => r.amount);
		expect(inStripe.sort()).toEqual([5000, 9900]);
		expect(await db().select().from(refunds).where(eq(refunds.tenantId, acme.tenantId))).toHaveLength(2);
		const acmeAudit = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, acme.tenantId));
		const issued = acmeAudit.filter((e) => e.action === "billing.refund_issued");
		expect(issued).toHaveLength(2);
		const betaAudit = await db().select().from(auditEvents).where(eq(auditEvents.tenantId, beta.tenantId));
		expect(betaAudit.some((e) => e.action === "billing.refund_issued")).toBe(false);
	});

	it("refuses an unknown invoice, a tenant owner, and a key reused for another invoice", async () => {
		const unknown = await asOperator("/api/operator/refunds", {
			body: { invoiceId: "in_nope", idempotencyKey: `${acme.slug}-refund-0100` },
		});
		expect(unknown.status).toBe(422);
		expect((await problemOf(unknown)).errors?.[0]?.path).toBe("invoiceId");
		const invoice = await paidInvoice(acme);
		const asOwner = await call(acme.host, "/api/operator/refunds", {
			cookie: acme.ownerCookie,
			body: { invoiceId: invoice.id, idempotencyKey: `${acme.slug}-refund-0101` },
		});
		expect(asOwner.status).toBe(404);
		expect(await db().select().from(refunds).where(eq(refunds.tenantId, acme.tenantId))).toHaveLength(0);
		await asOperator("/api/operator/refunds", { body: { invoiceId: invoice.id, amount: 100, idempotencyKey: `${acme.slug}-refund-0102` } });
		const other = await paidInvoice(beta);
		const reused = await asOperator("/api/operator/refunds", {
			body: { invoiceId: other.id, amount: 100, idempotencyKey: `${acme.slug}-refund-0102` },
		});
		expect(reused.status).toBe(409);
	});
});
