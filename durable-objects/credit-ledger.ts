/**
 * The credit ledger of one tenant, kept in its TenantGate's SQLite storage. Credits are granted,
 * reserved before work, settled with the actual amount after it, or released on failure. Every
 * call carries an idempotency key (a replay returns the first result and moves nothing), every
 * movement is a ledger row with its reason, and the balance never goes below zero. TenantGate is
 * the only writer, and each call runs alone on its thread, so the arithmetic is exact.
 */
import {
	type CreditBalance,
	type CreditTotals,
	type GrantInput,
	type GrantResult,
	type LedgerEntry,
	type LedgerKind,
	type LedgerPage,
	type LedgerRefusal,
	MAX_CREDITS_PER_MOVEMENT,
	RESERVATION_TTL_MS,
	type ReleaseInput,
	type ReleaseResult,
	type ReserveInput,
	type ReserveResult,
	type SettleInput,
	type SettleResult,
} from "../schema/credits";

type Reservation = { id: string; amount: number; feature: string; user_id: string | null; expires_at: number };
type LedgerRow = {
	seq: number;
	kind: LedgerKind;
	amount: number;
	balance_after: number;
	reserved_after: number;
	reservation_id: string | null;
	feature: string | null;
	user_id: string | null;
	reason: string;
	created_at: number;
};

/** A call the ledger refuses: bad amounts, unknown reservations, a key reused for another request. */
export class LedgerError extends Error {
	override readonly name = "LedgerError";
	constructor(
		readonly reason: LedgerRefusal["reason"],
		message: string,
	) {
		super(message);
	}
}

/** Runs a ledger call, turning a refusal into a value the caller can read across RPC. */
export function refusalAsValue<T>(call: () => T): T | LedgerRefusal {
	try {
		return call();
	} catch (error) {
		if (error instanceof LedgerError) return { ok: false, reason: error.reason, message: error.message };
		throw error;
	}
}

const SCHEMA = [
	"CREATE TABLE IF NOT EXISTS credit_state (id INTEGER PRIMARY KEY CHECK (id = 1), balance INTEGER NOT NULL CHECK (balance >= 0), reserved INTEGER NOT NULL CHECK (reserved >= 0))",
	"INSERT OR IGNORE INTO credit_state (id, balance, reserved) VALUES (1, 0, 0)",
	`CREATE TABLE IF NOT EXISTS credit_ledger (
		seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount >= 0),
		balance_after INTEGER NOT NULL, reserved_after INTEGER NOT NULL, reservation_id TEXT, feature TEXT, user_id TEXT,
		reason TEXT NOT NULL, idempotency_key TEXT NOT NULL, created_at INTEGER NOT NULL)`,
	"CREATE INDEX IF NOT EXISTS credit_ledger_time ON credit_ledger (created_at)",
	`CREATE TABLE IF NOT EXISTS credit_reservations (
		id TEXT PRIMARY KEY, amount INTEGER NOT NULL, status TEXT NOT NULL, feature TEXT NOT NULL, user_id TEXT,
		created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
	"CREATE INDEX IF NOT EXISTS credit_reservations_open ON credit_reservations (status, expires_at)",
	"CREATE TABLE IF NOT EXISTS credit_idempotency (key TEXT PRIMARY KEY, request TEXT NOT NULL, result TEXT NOT NULL, created_at INTEGER NOT NULL)",
];

/** Columns added after the first release: [table, column, definition], added when missing. */
const ADDED_COLUMNS = [["credit_ledger", "model", "TEXT"]] as const;

function addMissingColumns(storage: DurableObjectStorage): void {
	for (const [table, column, definition] of ADDED_COLUMNS) {
		const present = storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM pragma_table_info(?) WHERE name = ?", table, column).one().n;
		if (present === 0) storage.sql.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
	}
}

function checkAmount(amount: number, field: string): void {
	if (!Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_CREDITS_PER_MOVEMENT) {
		throw new LedgerError("invalid-request", `${field} must be a whole number of credits between 1 and ${MAX_CREDITS_PER_MOVEMENT}`);
	}
}

function checkKey(key: string): void {
	if (typeof key !== "string" || key.length < 1 || key.length > 200)
		throw new LedgerError("invalid-request", "idempotencyKey must be 1 to 200 characters");
}

export class CreditLedger {
	private balance = 0;
	private reserved = 0;

	constructor(
		private readonly storage: DurableObjectStorage,
		private readonly newId: () => string = () => crypto.randomUUID(),
	) {
		for (const statement of SCHEMA) storage.sql.exec(statement);
		addMissingColumns(storage);
		const state = storage.sql.exec<{ balance: number; reserved: number }>("SELECT balance, reserved FROM credit_state WHERE id = 1").one();
		this.balance = state.balance;
		this.reserved = state.reserved;
	}

	current(): CreditBalance {
		return { balance: this.balance, reserved: this.reserved, available: this.balance - this.reserved };
	}

	grant(input: GrantInput, now: number): GrantResult {
		checkAmount(input.amount, "amount");
		return this.once(input.idempotencyKey, { op: "grant", ...input }, (): GrantResult => {
			this.balance += input.amount;
			this.record("grant", input.amount, { reason: input.reason, key: input.idempotencyKey, now });
			return { ok: true, ...this.current() };
		});
	}

	reserve(input: ReserveInput, now: number): ReserveResult {
		checkAmount(input.amount, "amount");
		// A refusal moves nothing and is not remembered: a retry after a top-up may succeed.
		return this.onceUnless(
			input.idempotencyKey,
			{ op: "reserve", ...input },
			(): ReserveResult => {
				if (this.balance - this.reserved < input.amount) {
					return { ok: false, reason: "insufficient-credits", requested: input.amount, ...this.current() };
				}
				const id = this.newId();
				const expiresAt = now + RESERVATION_TTL_MS;
				this.reserved += input.amount;
				this.storage.sql.exec(
					"INSERT INTO credit_reservations (id, amount, status, feature, user_id, created_at, expires_at) VALUES (?, ?, 'open', ?, ?, ?, ?)",
					id,
					input.amount,
					input.feature,
					input.userId,
					now,
					expiresAt,
				);
				this.record("reserve", input.amount, {
					reason: input.reason ?? `reserved for ${input.feature}`,
					key: input.idempotencyKey,
					now,
					reservationId: id,
					feature: input.feature,
					userId: input.userId,
				});
				return { ok: true, reservationId: id, expiresAt, ...this.current() };
			},
			(result) => !result.ok,
		);
	}

	settle(input: SettleInput, now: number): SettleResult {
		if (!Number.isSafeInteger(input.actual) || input.actual < 0 || input.actual > MAX_CREDITS_PER_MOVEMENT) {
			throw new LedgerError("invalid-request", `actual must be a whole number of credits between 0 and ${MAX_CREDITS_PER_MOVEMENT}`);
		}
		return this.once(input.idempotencyKey, { op: "settle", ...input }, (): SettleResult => {
			const reservation = this.openReservation(input.reservationId);
			this.reserved -= reservation.amount;
			// Work may cost more than was reserved: charge it while the balance lasts, never below zero.
			const charged = Math.min(input.actual, this.balance - this.reserved);
			this.balance -= charged;
			this.close(reservation.id, "settled");
			this.record("settle", charged, {
				reason: `${reservation.feature}: ${charged} of ${reservation.amount} reserved`,
				key: input.idempotencyKey,
				now,
				reservationId: reservation.id,
				feature: reservation.feature,
				userId: reservation.user_id,
				model: input.model ?? null,
			});
			return { ok: true, charged, shortfall: input.actual - charged, ...this.current() };
		});
	}

	release(input: ReleaseInput, now: number): ReleaseResult {
		return this.once(input.idempotencyKey, { op: "release", ...input }, (): ReleaseResult => {
			const reservation = this.openReservation(input.reservationId);
			this.releaseReservation(
				reservation,
				"release",
				input.reason ?? `${reservation.feature}: work failed, nothing charged`,
				input.idempotencyKey,
				now,
			);
			return { ok: true, released: reservation.amount, ...this.current() };
		});
	}

	/** Releases reservations nobody settled in time (a crashed caller must not hold credits forever); returns when the next one expires. */
	releaseExpired(now: number): number | null {
		const expired = this.storage.sql
			.exec<Reservation>(
				"SELECT id, amount, feature, user_id, expires_at FROM credit_reservations WHERE status = 'open' AND expires_at <= ?",
				now,
			)
			.toArray();
		for (const reservation of expired) {
			this.releaseReservation(
				reservation,
				"expire",
				`${reservation.feature}: reservation expired unsettled`,
				`expire:${reservation.id}`,
				now,
			);
		}
		return this.nextExpiry();
	}

	nextExpiry(): number | null {
		return this.storage.sql.exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM credit_reservations WHERE status = 'open'").one()
			.at;
	}

	/** Ledger rows newest first; `cursor` is the last `seq` of the previous page. */
	history(limit: number, cursor: number | null): LedgerPage {
		const rows = this.storage.sql
			.exec<LedgerRow>(
				"SELECT seq, kind, amount, balance_after, reserved_after, reservation_id, feature, user_id, reason, created_at FROM credit_ledger WHERE seq < ? ORDER BY seq DESC LIMIT ?",
				cursor ?? Number.MAX_SAFE_INTEGER,
				limit + 1,
			)
			.toArray();
		const page = rows.slice(0, limit).map(toEntry);
		const last = page.at(-1);
		return { entries: page, nextCursor: rows.length > limit && last ? String(last.seq) : null };
	}

	/** Credits charged since `since`, by feature, by user, by model and by UTC day, and all four together (at most 1,000 rows). */
	summary(since: number): CreditTotals {
		const totals = <K extends string>(key: string, as: K, order = "credits DESC") =>
			this.storage.sql
				.exec<Record<K, string | null> & { credits: number; calls: number }>(
					`SELECT ${key} AS ${as}, SUM(amount) AS credits, COUNT(*) AS calls FROM credit_ledger WHERE kind = 'settle' AND created_at >= ? GROUP BY 1 ORDER BY ${order}`,
					since,
				)
				.toArray();
		const byFeature = totals("feature", "feature").map((r) => ({ feature: r.feature ?? "", credits: r.credits, calls: r.calls }));
		const byUser = totals("user_id", "userId").map((r) => ({ userId: r.userId, credits: r.credits, calls: r.calls }));
		const byModel = totals("model", "model").map((r) => ({ model: r.model, credits: r.credits, calls: r.calls }));
		const byDay = totals("strftime('%Y-%m-%d', created_at / 1000, 'unixepoch')", "day", "day ASC").map((r) => ({
			day: r.day ?? "",
			credits: r.credits,
			calls: r.calls,
		}));
		const breakdown = this.storage.sql
			.exec<{ day: string; feature: string | null; user_id: string | null; model: string | null; credits: number; calls: number }>(
				`SELECT strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') AS day, feature, user_id, model, SUM(amount) AS credits, COUNT(*) AS calls
				FROM credit_ledger WHERE kind = 'settle' AND created_at >= ? GROUP BY 1, 2, 3, 4 ORDER BY day DESC, credits DESC LIMIT 1000`,
				since,
			)
			.toArray()
			.map((r) => ({ day: r.day, feature: r.feature ?? "", userId: r.user_id, model: r.model, credits: r.credits, calls: r.calls }));
		return { since, byFeature, byUser, byModel, byDay, breakdown };
	}

	private releaseReservation(reservation: Reservation, kind: "release" | "expire", reason: string, key: string, now: number): void {
		this.reserved -= reservation.amount;
		this.close(reservation.id, kind === "release" ? "released" : "expired");
		this.record(kind, reservation.amount, {
			reason,
			key,
			now,
			reservationId: reservation.id,
			feature: reservation.feature,
			userId: reservation.user_id,
		});
	}

	private openReservation(id: string): Reservation {
		const row = this.storage.sql
			.exec<Reservation>("SELECT id, amount, feature, user_id, expires_at FROM credit_reservations WHERE id = ? AND status = 'open'", id)
			.toArray()[0];
		if (!row) throw new LedgerError("reservation-not-open", `reservation ${id} is not open (unknown, settled, released or expired)`);
		return row;
	}

	private close(id: string, status: "settled" | "released" | "expired"): void {
		this.storage.sql.exec("UPDATE credit_reservations SET status = ? WHERE id = ?", status, id);
	}

	private record(
		kind: LedgerKind,
		amount: number,
		at: {
			reason: string;
			key: string;
			now: number;
			reservationId?: string;
			feature?: string;
			userId?: string | null;
			model?: string | null;
		},
	): void {
		this.storage.sql.exec(
			"INSERT INTO credit_ledger (kind, amount, balance_after, reserved_after, reservation_id, feature, user_id, model, reason, idempotency_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			kind,
			amount,
			this.balance,
			this.reserved,
			at.reservationId ?? null,
			at.feature ?? null,
			at.userId ?? null,
			at.model ?? null,
			at.reason,
			at.key,
			at.now,
		);
		this.storage.sql.exec("UPDATE credit_state SET balance = ?, reserved = ? WHERE id = 1", this.balance, this.reserved);
	}

	/**
	 * Runs `apply` once per idempotency key, atomically: the movement, its ledger row and the stored
	 * result commit together or not at all. A replay with the same request returns the first result;
	 * the same key with a different request is refused.
	 */
	private once<T>(key: string, request: Record<string, unknown>, apply: () => T): T {
		return this.onceUnless(key, request, apply, () => false);
	}

	private onceUnless<T>(key: string, request: Record<string, unknown>, apply: () => T, forget: (result: T) => boolean): T {
		checkKey(key);
		const requestJson = JSON.stringify(request);
		const previous = this.storage.sql
			.exec<{ request: string; result: string }>("SELECT request, result FROM credit_idempotency WHERE key = ?", key)
			.toArray()[0];
		if (previous) {
			if (previous.request !== requestJson)
				throw new LedgerError("idempotency-key-reused", `idempotencyKey ${key} was already used for a different request`);
			return JSON.parse(previous.result) as T;
		}
		const before = { balance: this.balance, reserved: this.reserved };
		try {
			return this.storage.transactionSync(() => {
				const result = apply();
				if (forget(result)) return result;
				this.storage.sql.exec(
					"INSERT INTO credit_idempotency (key, request, result, created_at) VALUES (?, ?, ?, ?)",
					key,
					requestJson,
					JSON.stringify(result),
					Date.now(),
				);
				return result;
			});
		} catch (error) {
			this.balance = before.balance;
			this.reserved = before.reserved;
			throw error;
		}
	}
}

function toEntry(row: LedgerRow): LedgerEntry {
	return {
		seq: row.seq,
		kind: row.kind,
		amount: row.amount,
		balanceAfter: row.balance_after,
		reservedAfter: row.reserved_after,
		reservationId: row.reservation_id,
		feature: row.feature,
		userId: row.user_id,
		reason: row.reason,
		createdAt: row.created_at,
	};
}
