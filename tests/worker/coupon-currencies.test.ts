/**
 * Amount-off coupons in currencies without two decimals: the operator creates them in minor units
 * (JPY has none, KWD three) and reads back exactly what was sent, and Stripe holds the same amount;
 * a made-up currency is a 422 naming `currency` that creates nothing.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../../worker/env";
import { problemOf } from "../support/http";
import { asOperator, uniqueCode } from "./operator";

type CouponBack = { id: string; code: string | null; amountOff: number | null; currency: string | null; stripeCouponId: string };

async function stripeCoupon(id: string): Promise<{ amount_off: number; currency: string }> {
	const res = await fetch(`${(env as Bindings).STRIPE_API_BASE}/v1/coupons/${id}`, {
		headers: { Authorization: `Bearer ${(env as Bindings).STRIPE_SECRET_KEY}` },
	});
	return res.json() as Promise<{ amount_off: number; currency: string }>;
}

async function listed(id: string): Promise<CouponBack | undefined> {
	const res = await asOperator("/api/operator/coupons");
	return ((await res.json()) as { coupons: CouponBack[] }).coupons.find((c) => c.id === id);
}

describe("amount-off coupons in every currency", () => {
	it("keeps ¥1,500 (1500 JPY) and KWD 1.234 (1234 KWD) exactly, in the answer, the list and Stripe", async () => {
		for (const [amountOff, currency] of [
			[1500, "jpy"],
			[1234, "kwd"],
		] as const) {
			const code = uniqueCode(currency.toUpperCase());
			const res = await asOperator("/api/operator/coupons", {
				body: { kind: "code", code, name: `Off in ${currency}`, amountOff, currency, duration: "once" },
			});
			expect(res.status, await res.clone().text()).toBe(201);
			const made = (await res.json()) as CouponBack;
			expect(made).toMatchObject({ code, amountOff, currency });
			expect(await listed(made.id)).toMatchObject({ code, amountOff, currency });
			expect(await stripeCoupon(made.stripeCouponId)).toMatchObject({ amount_off: amountOff, currency });
		}
	});

	it("refuses a made-up currency with 422 naming currency, creating nothing", async () => {
		const code = uniqueCode("ZZZ");
		const res = await asOperator("/api/operator/coupons", {
			body: { kind: "code", code, name: "Nowhere money", amountOff: 100, currency: "zzz", duration: "once" },
		});
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["currency"]);
		const list = (await (await asOperator("/api/operator/coupons")).json()) as { coupons: CouponBack[] };
		expect(list.coupons.some((c) => c.code === code)).toBe(false);
	});
});
