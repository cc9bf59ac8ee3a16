/** Test helpers for the platform operator's API: requests on the platform host with the operator token. */
import { call, PLATFORM } from "./helpers";

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
