/**
 * The low-balance watch of one tenant's credit ledger: a threshold (the agency's own, or 10% of the
 * plan's allowance set with the monthly grant) and whether the available credits are below it. `observe` reports a
 * crossing only when the balance goes from at-or-above to below, so an alert goes out once per
 * crossing, not on every reservation; rising back to the threshold re-arms it.
 */
const SCHEMA = [
	"CREATE TABLE IF NOT EXISTS low_balance (id INTEGER PRIMARY KEY CHECK (id = 1), threshold INTEGER NOT NULL, alerted INTEGER NOT NULL, crossings INTEGER NOT NULL)",
	"INSERT OR IGNORE INTO low_balance (id, threshold, alerted, crossings) VALUES (1, 0, 0, 0)",
];

export type LowBalanceState = { threshold: number; alerted: boolean; crossings: number };

export class LowBalanceWatch {
	/** The stored row, kept in memory too: this class is its only writer, and `observe` runs on every credit movement. */
	private current: LowBalanceState;

	constructor(private readonly sql: SqlStorage) {
		for (const statement of SCHEMA) sql.exec(statement);
		const row = this.sql
			.exec<{ threshold: number; alerted: number; crossings: number }>("SELECT threshold, alerted, crossings FROM low_balance")
			.one();
		this.current = { threshold: row.threshold, alerted: row.alerted === 1, crossings: row.crossings };
	}

	state(): LowBalanceState {
		return { ...this.current };
	}

	/** A new threshold; the caller then `observe`s the balance, so a balance already below it counts as a crossing (and alerts). */
	setThreshold(threshold: number): void {
		const value = Math.max(0, Math.floor(threshold));
		this.sql.exec("UPDATE low_balance SET threshold = ?", value);
		this.current.threshold = value;
	}

	/** The crossing number when `available` has just fallen below the threshold; otherwise null. Writes only on a change. */
	observe(available: number): number | null {
		const { threshold, alerted, crossings } = this.current;
		if (threshold > 0 && available < threshold && !alerted) {
			this.sql.exec("UPDATE low_balance SET alerted = 1, crossings = crossings + 1");
			this.current = { threshold, alerted: true, crossings: crossings + 1 };
			return crossings + 1;
		}
		if (available >= threshold && alerted) {
			this.sql.exec("UPDATE low_balance SET alerted = 0");
			this.current = { ...this.current, alerted: false };
		}
		return null;
	}
}
