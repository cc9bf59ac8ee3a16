/** One-off credit top-up packs, bought through a payment-mode Checkout. Prices in cents. */
export const CREDIT_PACK_IDS = ["small", "medium", "large"] as const;
export type CreditPackId = (typeof CREDIT_PACK_IDS)[number];

export type CreditPack = { id: CreditPackId; name: string; credits: number; price: number; currency: "usd" };

export const CREDIT_PACKS: Readonly<Record<CreditPackId, CreditPack>> = {
	small: { id: "small", name: "1,000 AI credits", credits: 1_000, price: 1_000, currency: "usd" },
	medium: { id: "medium", name: "5,000 AI credits", credits: 5_000, price: 4_000, currency: "usd" },
	large: { id: "large", name: "20,000 AI credits", credits: 20_000, price: 14_000, currency: "usd" },
};

/** The Stripe price lookup key of a plan at an interval (prices are created with these keys). */
export function planLookupKey(planId: string, interval: string): string {
	return `atrium_${planId}_${interval}`;
}

/**
 * What one credit is worth in money, for the usage page: the list price of the smallest top-up
 * pack ($10 for 1,000 credits, so one cent). Plan allowances and larger packs are cheaper per
 * credit, so this is what the credits used would cost to buy again at the list price — an upper
 * bound, and the same number for every agency whatever it paid.
 */
export function creditMoneyValue(): { currency: "usd"; centsPerCredit: number; basis: string } {
	const list = CREDIT_PACKS.small;
	return {
		currency: list.currency,
		centsPerCredit: list.price / list.credits,
		basis: `The list price of the ${list.name} top-up pack`,
	};
}
