/**
 * The plan catalogue, in code: Starter, Pro and Agency, each with monthly and yearly prices,
 * limits and features. The entitlement helper (worker/services/billing/entitlements) answers from here;
 * the PWA reads the same catalogue to disable what a plan does not include. Prices are in cents.
 */
export const PLAN_IDS = ["starter", "pro", "agency"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export const BILLING_INTERVALS = ["month", "year"] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const PLAN_FEATURES = ["sso", "white_label", "api_access", "automation", "custom_domain", "messaging"] as const;
export type PlanFeature = (typeof PLAN_FEATURES)[number];

/**
 * Features a plan lists that Atrium does not ship yet: the PWA's plan table says "coming" beside
 * them instead of selling them. Remove one from here in the change that ships it.
 */
export const COMING_FEATURES: readonly PlanFeature[] = ["automation"];

export function featureIsComing(feature: PlanFeature): boolean {
	return COMING_FEATURES.includes(feature);
}

/** `null` means unlimited. Storage is in bytes. */
export type PlanLimits = {
	seats: number | null;
	clients: number | null;
	storageBytes: number;
	monthlyAiCredits: number;
};

export type Plan = {
	id: PlanId;
	name: string;
	summary: string;
	prices: Record<BillingInterval, number>;
	currency: "usd";
	trialDays: number;
	limits: PlanLimits;
	features: readonly PlanFeature[];
};

const GIB = 1024 ** 3;

export const PLANS: Readonly<Record<PlanId, Plan>> = {
	starter: {
		id: "starter",
		name: "Starter",
		summary: "For a small studio getting its first clients into one portal.",
		prices: { month: 4900, year: 49000 },
		currency: "usd",
		trialDays: 14,
		limits: { seats: 3, clients: 10, storageBytes: 10 * GIB, monthlyAiCredits: 1_000 },
		features: ["messaging"],
	},
	pro: {
		id: "pro",
		name: "Pro",
		summary: "For a growing agency: your brand, your domain, API access.",
		prices: { month: 14900, year: 149000 },
		currency: "usd",
		trialDays: 14,
		limits: { seats: 15, clients: 100, storageBytes: 100 * GIB, monthlyAiCredits: 10_000 },
		features: ["messaging", "white_label", "custom_domain", "api_access"],
	},
	agency: {
		id: "agency",
		name: "Agency",
		summary: "For established agencies: SSO, unlimited seats and clients, room to grow.",
		prices: { month: 39900, year: 399000 },
		currency: "usd",
		trialDays: 14,
		limits: { seats: null, clients: null, storageBytes: 1024 * GIB, monthlyAiCredits: 50_000 },
		features: ["messaging", "white_label", "custom_domain", "api_access", "sso", "automation"],
	},
};

/** The plan of a tenant with no subscription yet (a new agency is on Starter until it checks out). */
export const DEFAULT_PLAN_ID: PlanId = "starter";

export function planById(id: PlanId): Plan {
	return PLANS[id];
}

export function planHasFeature(id: PlanId, feature: PlanFeature): boolean {
	return PLANS[id].features.includes(feature);
}

/** The plans above `from` that pass `accepts`, cheapest first: what an upgrade prompt offers. */
export function upgradesFrom(from: PlanId, accepts: (plan: Plan) => boolean): Plan[] {
	const current = PLANS[from].prices.month;
	return Object.values(PLANS)
		.filter((p) => p.prices.month > current && accepts(p))
		.sort((a, b) => a.prices.month - b.prices.month);
}
