/**
 * TenantGate: one Durable Object per tenant (and one for the platform host) that owns the rules
 * which must hold under any concurrency. Here: token-bucket rate limits, kept in SQLite storage so
 * a restart or eviction forgets nothing. Calls are native RPC; each call runs alone on the object's
 * single thread, so a take can never be double-spent.
 */
import { DurableObject } from "cloudflare:workers";
import type { BucketRule, TakeResult } from "../schema/rate-limits";

type Bucket = { tokens: number; updatedAt: number };

/** Cleanup runs at most this long after a bucket could be forgotten, batching the work. */
const CLEANUP_SLACK_MS = 60 * 60 * 1000;

export class TenantGate extends DurableObject<Env> {
	private readonly buckets = new Map<string, Bucket>();
	private alarmAt: number | null = null;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.blockConcurrencyWhile(async () => {
			this.ctx.storage.sql.exec(
				"CREATE TABLE IF NOT EXISTS buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, updated_at INTEGER NOT NULL, full_at INTEGER NOT NULL)",
			);
			this.ctx.storage.sql.exec("CREATE INDEX IF NOT EXISTS buckets_full_at ON buckets (full_at)");
			for (const row of this.ctx.storage.sql.exec<{ key: string; tokens: number; updated_at: number }>(
				"SELECT key, tokens, updated_at FROM buckets",
			)) {
				this.buckets.set(row.key, { tokens: row.tokens, updatedAt: row.updated_at });
			}
			this.alarmAt = await this.ctx.storage.getAlarm();
		});
	}

	/** Takes `cost` tokens from bucket `key` if it has them; otherwise says how long until it will. */
	take(key: string, rule: BucketRule, cost = 1, now = Date.now()): TakeResult {
		const bucket = this.refilled(key, rule, now);
		if (bucket.tokens >= cost) {
			bucket.tokens -= cost;
			this.save(key, bucket, rule);
			return { allowed: true, remaining: Math.floor(bucket.tokens) };
		}
		this.save(key, bucket, rule);
		const retryAfterMs = Math.ceil(((cost - bucket.tokens) / rule.refillPerSecond) * 1000);
		return { allowed: false, retryAfterMs };
	}

	/** Puts a bucket back to full, e.g. after a successful sign-in clears the account's failures. */
	reset(key: string): void {
		this.buckets.delete(key);
		this.ctx.storage.sql.exec("DELETE FROM buckets WHERE key = ?", key);
	}

	private refilled(key: string, rule: BucketRule, now: number): Bucket {
		const bucket = this.buckets.get(key) ?? { tokens: rule.capacity, updatedAt: now };
		const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
		bucket.tokens = Math.min(rule.capacity, bucket.tokens + elapsedSeconds * rule.refillPerSecond);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		return bucket;
	}

	/** Forgets buckets that have refilled completely: a full bucket and no bucket are the same. */
	override async alarm(): Promise<void> {
		const now = Date.now();
		for (const row of this.ctx.storage.sql.exec<{ key: string }>("SELECT key FROM buckets WHERE full_at <= ?", now)) {
			this.buckets.delete(row.key);
		}
		this.ctx.storage.sql.exec("DELETE FROM buckets WHERE full_at <= ?", now);
		this.alarmAt = null;
		const next = this.ctx.storage.sql.exec<{ at: number | null }>("SELECT MIN(full_at) AS at FROM buckets").one().at;
		if (next !== null) this.scheduleCleanup(next);
	}

	private save(key: string, bucket: Bucket, rule: BucketRule): void {
		const fullAt = bucket.updatedAt + Math.ceil(((rule.capacity - bucket.tokens) / rule.refillPerSecond) * 1000);
		this.ctx.storage.sql.exec(
			"INSERT INTO buckets (key, tokens, updated_at, full_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at, full_at = excluded.full_at",
			key,
			bucket.tokens,
			bucket.updatedAt,
			fullAt,
		);
		this.scheduleCleanup(fullAt);
	}

	private scheduleCleanup(fullAt: number): void {
		if (this.alarmAt !== null && this.alarmAt <= fullAt + CLEANUP_SLACK_MS) return;
		this.alarmAt = fullAt + CLEANUP_SLACK_MS;
		void this.ctx.storage.setAlarm(this.alarmAt);
	}
}
