/**
 * Account lockout after repeated failed passwords, kept in TenantGate's SQLite storage. Keys are
 * per account (the normalised email), so an unknown email behaves exactly like a known one.
 *
 * The first LOCK_AFTER_FAILURES - 1 failures are free; the next one locks the key, and each further
 * failure in the same run locks it again for longer (LOCK_STEPS_MS, capped). A lock always ends on
 * its own. Failures older than FAILURE_MEMORY_MS are forgotten; success, an unlock link, an
 * admin or a password reset clears the key.
 */
import type { LockState } from "../schema/account-lock";

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_STEPS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;
const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

type Row = { failures: number; locked_until: number; updated_at: number };

export class AccountLocks {
	constructor(private readonly sql: SqlStorage) {
		sql.exec(
			"CREATE TABLE IF NOT EXISTS account_locks (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
		);
	}

	status(key: string, now: number): LockState {
		const row = this.row(key, now);
		return row && row.locked_until > now
			? { locked: true, lockedUntil: row.locked_until, failures: row.failures }
			: { locked: false, failures: row?.failures ?? 0 };
	}

	/** Counts one failed password; returns the state after it, and whether this failure started a lock. */
	fail(key: string, now: number): LockState & { newlyLocked: boolean } {
		const failures = (this.row(key, now)?.failures ?? 0) + 1;
		const step = failures - LOCK_AFTER_FAILURES;
		const lockedUntil = step >= 0 ? now + (LOCK_STEPS_MS[Math.min(step, LOCK_STEPS_MS.length - 1)] ?? 0) : 0;
		this.sql.exec(
			"INSERT INTO account_locks (key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, updated_at = excluded.updated_at",
			key,
			failures,
			lockedUntil,
			now,
		);
		return lockedUntil > now ? { locked: true, lockedUntil, failures, newlyLocked: true } : { locked: false, failures, newlyLocked: false };
	}

	/** Forgets the key's failures and any lock; says whether it was locked. */
	clear(key: string, now: number): boolean {
		const wasLocked = this.status(key, now).locked;
		this.sql.exec("DELETE FROM account_locks WHERE key = ?", key);
		return wasLocked;
	}

	/** Drops rows nobody has failed on for a day. */
	forgetOld(now: number): void {
		this.sql.exec("DELETE FROM account_locks WHERE updated_at < ? AND locked_until < ?", now - FAILURE_MEMORY_MS, now);
	}

	private row(key: string, now: number): Row | null {
		const [row] = this.sql.exec<Row>("SELECT failures, locked_until, updated_at FROM account_locks WHERE key = ?", key).toArray();
		if (!row) return null;
		return row.updated_at < now - FAILURE_MEMORY_MS && row.locked_until <= now ? null : row;
	}
}
