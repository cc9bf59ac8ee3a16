/** The operator console's coupons and flash sales: the list, creating one, and switching one off. */
import { signal } from "@preact/signals";
import type { Coupon, CouponInput } from "../../../schema/coupons";
import { operatorApi } from "../api/client";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { operatorCall } from "./operator-session";

export const coupons = signal<Coupon[] | null>(null);
export const couponsProblem = signal<ProblemView | null>(null);

export async function loadCoupons(): Promise<void> {
	const result = await operatorCall((options) => operatorApi.api.operator.coupons.$get({}, options));
	couponsProblem.value = result.ok ? null : result.problem;
	if (result.ok) coupons.value = result.value.coupons;
}

export async function createCoupon(input: CouponInput): Promise<Result<Coupon>> {
	const result = await operatorCall((options) => operatorApi.api.operator.coupons.$post({ json: input }, options));
	if (result.ok) coupons.value = [result.value, ...(coupons.value ?? [])];
	return result;
}

export async function deactivateCoupon(id: string): Promise<Result<Coupon>> {
	const result = await operatorCall((options) => operatorApi.api.operator.coupons[":id"].$delete({ param: { id } }, options));
	if (result.ok) {
		const updated = result.value;
		coupons.value = (coupons.value ?? []).map((c) => (c.id === updated.id ? updated : c));
	}
	return result;
}
