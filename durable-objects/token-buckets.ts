/**
 * Token-bucket rate limits kept in a Durable Object's SQLite storage (and mirrored in memory).
 * Used by TenantGate; each call runs alone on the object's thread, so a take is never double-spent.
 */
import type { BucketRule, TakeResult } from "../schema/rate-limits";

type Bucket = { tokens: number; updatedAt: number };

export class TokenBuckets {
	private readonly buckets = new Map<string, Bucket>();

	constructor(private readonly sql: SqlStorage) {
		sql.exec(
			"CREATE TABLE IF NOT EXISTS buckets (key TEXT PRIMARY KEY, tokens REAL NOT NULL, updated_at INTEGER NOT NULL, full_at INTEGER NOT NULL)",
		);
		sql.exec("CREATE INDEX IF NOT EXISTS buckets_full_at ON buckets (full_at)");
		for (const row of sql.exec<{ key: string; tokens: number; updated_at: number }>("SELECT key, tokens, updated_at FROM buckets")) {
			this.buckets.set(row.key, { tokens: row.tokens, updatedAt: row.updated_at });
		}
	}

	/** Takes `cost` tokens if the bucket has them; otherwise says how long until it will. Returns when the bucket will be full again. */
	take(key: string, rule: BucketRule, cost: number, now: number): { result: TakeResult; fullAt: number } {
		const bucket = this.refilled(key, rule, now);
		let result: TakeResult;
		if (bucket.tokens >= cost) {
			bucket.tokens -= cost;
			result = { allowed: true, remaining: Math.floor(bucket.tokens) };
		} else {
			result = { allowed: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) / rule.refillPerSecond) * 1000) };
		}
		return { result, fullAt: this.save(key, bucket, rule) };
	}

	reset(key: string): void {
		this.buckets.delete(key);
		this.sql.exec("DELETE FROM buckets WHERE key = ?", key);
	}

	/** Forgets buckets that have refilled completely (a full bucket and no bucket are the same); returns the next time one will be. */
	forgetFull(now: number): number | null {
		for (const row of this.sql.exec<{ key: string }>("SELECT key FROM buckets WHERE full_at <= ?", now)) this.buckets.delete(row.key);
		this.sql.exec("DELETE FROM buckets WHERE full_at <= ?", now);
		return this.sql.exec<{ at: number | null }>("SELECT MIN(full_at) AS at FROM buckets").one().at;
	}

	private refilled(key: string, rule: BucketRule, now: number): Bucket {
		const bucket = this.buckets.get(key) ?? { tokens: rule.capacity, updatedAt: now };
		const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
		bucket.tokens = Math.min(rule.capacity, bucket.tokens + elapsedSeconds * rule.refillPerSecond);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		return bucket;
	}

	private save(key: string, bucket: Bucket, rule: BucketRule): number {
		const fullAt = bucket.updatedAt + Math.ceil(((rule.capacity - bucket.tokens) / rule.refillPerSecond) * 1000);
		this.sql.exec(
			"INSERT INTO buckets (key, tokens, updated_at, full_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at, full_at = excluded.full_at",
			key,
			bucket.tokens,
			bucket.updatedAt,
			fullAt,
		);
		return fullAt;
	}
}
