/**
 * The credit ledger's contract, shared by TenantGate (which keeps it) and the Worker (which calls
 * it): movements, their results and what the usage pages show. Credits are integers, never floats.
 */
import { z } from "zod";
import type { BucketRule, TakeResult } from "./rate-limits";

export const LEDGER_KINDS = ["grant", "reserve", "settle", "release", "expire"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The most credits one movement may carry: far above any real pack, far below integer precision. */
export const MAX_CREDITS_PER_MOVEMENT = 1_000_000_000;

/** A reservation not settled or released within this time is released by the gate itself. */
export const RESERVATION_TTL_MS = 15 * 60 * 1000;

export type CreditBalance = { balance: number; reserved: number; available: number };

export type GrantInput = { amount: number; idempotencyKey: string; reason: string };
export type ReserveInput = { amount: number; idempotencyKey: string; feature: string; userId: string | null; reason?: string };
/** `model`: the AI model the work used, when there is one (the usage page totals by it). */
export type SettleInput = { reservationId: string; actual: number; idempotencyKey: string; model?: string };
export type ReleaseInput = { reservationId: string; idempotencyKey: string; reason?: string };

/**
 * Admission of metered work in one TenantGate call: token buckets taken in order (the first that
 * refuses stops the rest), then, when every bucket allowed it, the credit reservation (none when
 * `reserve` is null). A bucket taken before a later refusal stays taken, as with separate calls.
 */
export type AdmitInput = { buckets: { key: string; rule: BucketRule; cost: number }[]; reserve: ReserveInput | null };
export type AdmitResult =
	| { ok: true; reservation: Extract<ReserveResult, { ok: true }> | null }
	| { ok: false; refusedBucket: number; take: Extract<TakeResult, { allowed: false }> }
	| { ok: false; refusedBucket: null; reserve: Extract<ReserveResult, { ok: false }> };

/** Why the ledger refused a call; nothing moved. Returned as a value, since it crosses an RPC boundary. */
export type LedgerRefusal = { ok: false; reason: "invalid-request" | "reservation-not-open" | "idempotency-key-reused"; message: string };

export type GrantResult = ({ ok: true } & CreditBalance) | LedgerRefusal;

export type ReserveResult =
	| ({ ok: true; reservationId: string; expiresAt: number } & CreditBalance)
	| ({ ok: false; reason: "insufficient-credits"; requested: number } & CreditBalance)
	| LedgerRefusal;

/** `charged` may be below `actual` only when the balance could not cover more: `shortfall` says by how much. */
export type SettleResult = ({ ok: true; charged: number; shortfall: number } & CreditBalance) | LedgerRefusal;
export type ReleaseResult = ({ ok: true; released: number } & CreditBalance) | LedgerRefusal;

export const LedgerEntry = z
	.object({
		seq: z.number().int(),
		kind: z.enum(LEDGER_KINDS),
		amount: z.number().int(),
		balanceAfter: z.number().int(),
		reservedAfter: z.number().int(),
		reservationId: z.string().nullable(),
		feature: z.string().nullable(),
		userId: z.string().nullable(),
		reason: z.string(),
		createdAt: z.number().int(),
	})
	.meta({ id: "CreditLedgerEntry" });
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const CreditBalanceResponse = z
	.object({ balance: z.number().int(), reserved: z.number().int(), available: z.number().int() })
	.meta({ id: "CreditBalance" });

export const LedgerPage = z.object({ entries: z.array(LedgerEntry), nextCursor: z.string().nullable() }).meta({ id: "CreditLedgerPage" });
export type LedgerPage = z.infer<typeof LedgerPage>;

/** What TenantGate totals from its ledger: credits and calls settled since a time, grouped four ways. */
export type CreditTotalsRow = { credits: number; calls: number };
export type CreditTotals = {
	since: number;
	byFeature: (CreditTotalsRow & { feature: string })[];
	byUser: (CreditTotalsRow & { userId: string | null })[];
	/** `model` is null for work that used no AI model (exports, API calls). */
	byModel: (CreditTotalsRow & { model: string | null })[];
	/** `day` is the UTC date, YYYY-MM-DD; oldest first. */
	byDay: (CreditTotalsRow & { day: string })[];
	/** Every (day, feature, person, model) that used credits, newest day first: the Usage page's detailed table. */
	breakdown: (CreditTotalsRow & { day: string; feature: string; userId: string | null; model: string | null })[];
};

const totalsRow = { credits: z.number().int(), calls: z.number().int(), moneyCents: z.number().int() };

/** The usage page's totals: each row in credits and in money (see `creditMoneyValue`). */
export const UsageSummary = z.object({
	since: z.number().int(),
	creditValue: z
		.object({ currency: z.literal("usd"), centsPerCredit: z.number(), basis: z.string() })
		.describe("What one credit is worth in money, and why"),
	byFeature: z.array(z.object({ feature: z.string(), ...totalsRow })),
	/** `name`: the person's name in this agency (null for work of the agency itself, or a person since deleted). */
	byUser: z.array(z.object({ userId: z.string().nullable(), name: z.string().nullable(), ...totalsRow })),
	/** `label`: how the model is named in the assistant (the id of a model no longer offered). */
	byModel: z.array(z.object({ model: z.string().nullable(), label: z.string().nullable(), ...totalsRow })),
	byDay: z.array(z.object({ day: z.string(), ...totalsRow })),
	/** Credits per UTC day, feature, person and model, newest day first. */
	breakdown: z.array(
		z.object({
			day: z.string(),
			feature: z.string(),
			userId: z.string().nullable(),
			name: z.string().nullable(),
			model: z.string().nullable(),
			label: z.string().nullable(),
			...totalsRow,
		}),
	),
});
export type UsageSummary = z.infer<typeof UsageSummary>;

/** The low-balance alert's threshold: the agency's own (credits; 0 = off) or, when null, the plan's default (10% of the monthly allowance). */
export const LowBalanceSetting = z
	.object({ threshold: z.number().int(), custom: z.number().int().nullable(), planDefault: z.number().int() })
	.meta({ id: "LowBalanceSetting" });
export type LowBalanceSetting = z.infer<typeof LowBalanceSetting>;
export const LowBalanceSettingInput = z
	.strictObject({
		threshold: z
			.number()
			.int("must be a whole number")
			.min(0, "must be at least 0")
			.max(100_000_000, "must be at most 100000000")
			.nullable(),
	})
	.meta({ id: "LowBalanceSettingInput" });
