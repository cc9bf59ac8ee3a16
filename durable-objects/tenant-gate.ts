/**
 * TenantGate: one Durable Object per tenant (and one for the platform host) that owns the rules
 * which must hold under any concurrency: token-bucket rate limits and the credit ledger. State
 * lives in the object's SQLite storage; calls are native RPC, and each runs alone on the object's
 * single thread, so no bucket is overspent and no credit counted twice. Credit movements are
 * applied in groups, in arrival order, one storage confirmation per group (group-commit.ts), so one
 * tenant's ledger is not capped by how fast single writes are confirmed. One alarm serves both:
 * it forgets refilled buckets and releases reservations nobody settled.
 */
import { DurableObject } from "cloudflare:workers";
import type { LockState } from "../schema/account-lock";
import type {
	AdmitInput,
	AdmitResult,
	CreditBalance,
	CreditTotals,
	GrantInput,
	GrantResult,
	LedgerPage,
	LowBalanceSetting,
	ReleaseInput,
	ReleaseResult,
	ReserveInput,
	ReserveResult,
	SettleInput,
	SettleResult,
} from "../schema/credits";
import type { BucketRule, TakeResult } from "../schema/rate-limits";
import { AccountLocks } from "./account-locks";
import { CreditLedger, refusalAsValue } from "./credit-ledger";
import { GroupCommit } from "./group-commit";
import { type LowBalanceState, LowBalanceWatch } from "./low-balance";
import { TokenBuckets } from "./token-buckets";

/** Bucket cleanup may run this long after a bucket could be forgotten, batching the work. */
const BUCKET_CLEANUP_SLACK_MS = 60 * 60 * 1000;

export class TenantGate extends DurableObject<Env> {
	private buckets!: TokenBuckets;
	private ledger!: CreditLedger;
	private locks!: AccountLocks;
	private lowBalance!: LowBalanceWatch;
	/** Credit movements, applied in arrival order, many per storage confirmation (see group-commit.ts). */
	private readonly movements = new GroupCommit(() => this.ctx.storage.sync());
	private alarmAt: number | null = null;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.blockConcurrencyWhile(async () => {
			this.buckets = new TokenBuckets(ctx.storage.sql);
			this.ledger = new CreditLedger(ctx.storage);
			this.locks = new AccountLocks(ctx.storage.sql);
			this.lowBalance = new LowBalanceWatch(ctx.storage.sql);
			this.alarmAt = await ctx.storage.getAlarm();
		});
	}

	/** Takes `cost` tokens from bucket `key` if it has them; otherwise says how long until it will. */
	take(key: string, rule: BucketRule, cost = 1, now = Date.now()): TakeResult {
		const { result, fullAt } = this.buckets.take(key, rule, cost, now);
		this.wakeBy(fullAt + BUCKET_CLEANUP_SLACK_MS);
		return result;
	}

	/** Puts a bucket back to full, e.g. after a successful sign-in clears the account's failures. */
	reset(key: string): void {
		this.buckets.reset(key);
	}

	/** Whether an account key is locked after failed passwords, and until when. */
	lockStatus(key: string, now = Date.now()): LockState {
		return this.locks.status(key, now);
	}

	/** Counts a failed password against an account key; may lock it (always for a bounded time). */
	recordFailedPassword(key: string, now = Date.now()): LockState & { newlyLocked: boolean } {
		const state = this.locks.fail(key, now);
		if (state.locked) this.wakeBy(state.lockedUntil + BUCKET_CLEANUP_SLACK_MS);
		return state;
	}

	/** Clears an account key's failures and lock; true when it was locked. */
	clearFailedPasswords(key: string, now = Date.now()): boolean {
		return this.locks.clear(key, now);
	}

	credits(): CreditBalance {
		return this.ledger.current();
	}

	grantCredits(input: GrantInput, now = Date.now()): Promise<GrantResult> {
		return this.movements.run(() => this.watched(refusalAsValue(() => this.ledger.grant(input, now))));
	}

	/**
	 * Takes `buckets` in order and then reserves credits, in one call: an assistant send's rate limits
	 * and reservation cost one RPC and one storage confirmation instead of three of each.
	 */
	async admit(input: AdmitInput, now = Date.now()): Promise<AdmitResult> {
		for (const [index, bucket] of input.buckets.entries()) {
			const taken = this.take(bucket.key, bucket.rule, bucket.cost, now);
			if (!taken.allowed) return { ok: false, refusedBucket: index, take: taken };
		}
		if (!input.reserve) return { ok: true, reservation: null };
		const reserved = await this.reserveCredits(input.reserve, now);
		return reserved.ok ? { ok: true, reservation: reserved } : { ok: false, refusedBucket: null, reserve: reserved };
	}

	reserveCredits(input: ReserveInput, now = Date.now()): Promise<ReserveResult> {
		return this.movements.run(() => {
			const result = this.watched(refusalAsValue(() => this.ledger.reserve(input, now)));
			if (result.ok) this.wakeBy(result.expiresAt);
			return result;
		});
	}

	settleCredits(input: SettleInput, now = Date.now()): Promise<SettleResult> {
		return this.movements.run(() => this.watched(refusalAsValue(() => this.ledger.settle(input, now))));
	}

	/** The plan's default low-balance threshold (credits available; set by the monthly grant); the agency's own setting wins. */
	setLowBalanceThreshold(tenantId: string, threshold: number): LowBalanceState {
		this.ctx.storage.kv.put("tenant-id", tenantId);
		this.ctx.storage.kv.put("low-balance-default", Math.max(0, Math.floor(threshold)));
		return this.applyLowBalanceThreshold();
	}

	/** The agency's own low-balance threshold in credits (0 turns the alert off), or null to follow the plan's default. */
	setCustomLowBalanceThreshold(tenantId: string, threshold: number | null): LowBalanceSetting {
		this.ctx.storage.kv.put("tenant-id", tenantId);
		if (threshold === null) this.ctx.storage.kv.delete("low-balance-custom");
		else this.ctx.storage.kv.put("low-balance-custom", Math.max(0, Math.floor(threshold)));
		this.applyLowBalanceThreshold();
		return this.lowBalanceSetting();
	}

	lowBalanceSetting(): LowBalanceSetting {
		return {
			threshold: this.lowBalance.state().threshold,
			custom: this.ctx.storage.kv.get<number>("low-balance-custom") ?? null,
			planDefault: this.ctx.storage.kv.get<number>("low-balance-default") ?? 0,
		};
	}

	private applyLowBalanceThreshold(): LowBalanceState {
		const custom = this.ctx.storage.kv.get<number>("low-balance-custom");
		this.lowBalance.setThreshold(custom ?? this.ctx.storage.kv.get<number>("low-balance-default") ?? 0);
		this.checkLowBalance();
		return this.lowBalance.state();
	}

	lowBalanceState(): LowBalanceState {
		return this.lowBalance.state();
	}

	releaseCredits(input: ReleaseInput, now = Date.now()): Promise<ReleaseResult> {
		return this.movements.run(() => this.watched(refusalAsValue(() => this.ledger.release(input, now))));
	}

	creditHistory(limit: number, cursor: number | null): LedgerPage {
		return this.ledger.history(limit, cursor);
	}

	creditSummary(since: number): CreditTotals {
		return this.ledger.summary(since);
	}

	override async alarm(): Promise<void> {
		const now = Date.now();
		this.alarmAt = null;
		const nextBucket = this.buckets.forgetFull(now);
		this.locks.forgetOld(now);
		const nextReservation = this.ledger.releaseExpired(now);
		if (nextBucket !== null) this.wakeBy(nextBucket + BUCKET_CLEANUP_SLACK_MS);
		if (nextReservation !== null) this.wakeBy(nextReservation);
	}

	/** After a ledger change: a fall below the low-balance threshold enqueues one alert for that crossing. */
	private watched<R extends { ok: boolean }>(result: R): R {
		if (result.ok) this.checkLowBalance();
		return result;
	}

	/** Enqueues one `low-balance-alert` when the available credits have just fallen below the threshold. */
	private checkLowBalance(): void {
		const crossing = this.lowBalance.observe(this.ledger.current().available);
		if (crossing === null) return;
		// The tenant this gate serves, stored when its threshold was set (a DO does not know its own name).
		const tenantId = this.ctx.storage.kv.get<string>("tenant-id") ?? null;
		if (tenantId) {
			const { threshold } = this.lowBalance.state();
			this.ctx.waitUntil(
				this.env.JOBS.send({
					type: "low-balance-alert",
					tenantId,
					threshold,
					idempotencyKey: `low-balance:${tenantId}:${crossing}`,
				}),
			);
		}
	}

	/** Makes sure the alarm fires no later than `at`. */
	private wakeBy(at: number): void {
		if (this.alarmAt !== null && this.alarmAt <= at) return;
		this.alarmAt = at;
		void this.ctx.storage.setAlarm(at);
	}
}
