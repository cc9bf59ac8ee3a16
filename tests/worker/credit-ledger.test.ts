/**
 * The credit ledger in TenantGate: exact under concurrency, idempotent on every call, never below
 * zero, every movement a row that adds up, and reservations nobody settles released on their own.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CreditLedger } from "../../durable-objects/credit-ledger";
import type { TenantGate } from "../../durable-objects/tenant-gate";
import { RESERVATION_TTL_MS } from "../../schema/credits";

function gate(name = crypto.randomUUID()) {
	return env.TENANT_GATE.getByName(name);
}

type Row = { kind: string; amount: number; balance_after: number };

async function ledgerRows(stub: ReturnType<typeof gate>): Promise<Row[]> {
	return runInDurableObject(stub, (_instance: TenantGate, state) =>
		state.storage.sql.exec<Row>("SELECT kind, amount, balance_after FROM credit_ledger ORDER BY seq").toArray(),
	);
}

/** Granted minus charged, from the rows alone. */
function balanceFromRows(rows: Row[]): number {
	return rows.reduce((sum, r) => sum + (r.kind === "grant" ? r.amount : r.kind === "settle" ? -r.amount : 0), 0);
}

const reserveInput = (key: string, amount = 1) => ({ amount, idempotencyKey: key, feature: "assistant", userId: "u1" });

describe("credit ledger", () => {
	it("1,000 concurrent reservations of 1 credit against 500: exactly 500 succeed, and the rows add up", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 500, idempotencyKey: "grant-1", reason: "monthly allowance" });
		const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => stub.reserveCredits(reserveInput(`r-${i}`))));
		const granted = results.filter((r) => r.ok);
		expect(granted).toHaveLength(500);
		expect(await stub.credits()).toEqual({ balance: 500, reserved: 500, available: 0 });

		await Promise.all(
			granted.map((r, i) => (r.ok ? stub.settleCredits({ reservationId: r.reservationId, actual: 1, idempotencyKey: `s-${i}` }) : null)),
		);
		expect(await stub.credits()).toEqual({ balance: 0, reserved: 0, available: 0 });
		const rows = await ledgerRows(stub);
		expect(rows.filter((r) => r.kind === "reserve")).toHaveLength(500);
		expect(rows.filter((r) => r.kind === "settle")).toHaveLength(500);
		expect(balanceFromRows(rows)).toBe(0);
		expect(rows.every((r) => r.balance_after >= 0)).toBe(true);
	});

	it("never double-charges a retried call: same key, same result, one movement", async () => {
		const stub = gate();
		const first = await stub.grantCredits({ amount: 10, idempotencyKey: "g", reason: "top-up" });
		const again = await stub.grantCredits({ amount: 10, idempotencyKey: "g", reason: "top-up" });
		expect(again).toEqual(first);
		const a = await stub.reserveCredits(reserveInput("r", 4));
		const b = await stub.reserveCredits(reserveInput("r", 4));
		expect(b).toEqual(a);
		if (!a.ok) throw new Error("reserve failed");
		const settled = await Promise.all(
			[1, 2, 3].map(() => stub.settleCredits({ reservationId: a.reservationId, actual: 3, idempotencyKey: "s" })),
		);
		expect(new Set(settled.map((s) => JSON.stringify(s))).size).toBe(1);
		expect(await stub.credits()).toEqual({ balance: 7, reserved: 0, available: 7 });
		expect((await ledgerRows(stub)).map((r) => r.kind)).toEqual(["grant", "reserve", "settle"]);
	});

	it("refuses a key reused for a different request, and moves nothing", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 10, idempotencyKey: "k", reason: "top-up" });
		expect(await stub.grantCredits({ amount: 99, idempotencyKey: "k", reason: "top-up" })).toMatchObject({
			ok: false,
			reason: "idempotency-key-reused",
			message: expect.stringMatching(/already used for a different request/),
		});
		expect((await stub.credits()).balance).toBe(10);
	});

	it("settles for the actual amount and returns the rest", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 100, idempotencyKey: "g", reason: "allowance" });
		const r = await stub.reserveCredits(reserveInput("r", 40));
		if (!r.ok) throw new Error("reserve failed");
		expect(r).toMatchObject({ balance: 100, reserved: 40, available: 60 });
		const s = await stub.settleCredits({ reservationId: r.reservationId, actual: 12, idempotencyKey: "s" });
		expect(s).toEqual({ ok: true, charged: 12, shortfall: 0, balance: 88, reserved: 0, available: 88 });
	});

	it("charges work that cost more than reserved only while credits last, never below zero and never from another reservation", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 10, idempotencyKey: "g", reason: "allowance" });
		const mine = await stub.reserveCredits(reserveInput("mine", 4));
		const theirs = await stub.reserveCredits(reserveInput("theirs", 5));
		if (!mine.ok || !theirs.ok) throw new Error("reserve failed");
		const s = await stub.settleCredits({ reservationId: mine.reservationId, actual: 50, idempotencyKey: "s" });
		expect(s).toEqual({ ok: true, charged: 5, shortfall: 45, balance: 5, reserved: 5, available: 0 });
		const t = await stub.settleCredits({ reservationId: theirs.reservationId, actual: 5, idempotencyKey: "t" });
		expect(t).toMatchObject({ charged: 5, shortfall: 0, balance: 0 });
	});

	it("refuses a reservation it cannot cover without remembering the refusal", async () => {
		const stub = gate();
		const refused = await stub.reserveCredits(reserveInput("r", 5));
		expect(refused).toEqual({ ok: false, reason: "insufficient-credits", requested: 5, balance: 0, reserved: 0, available: 0 });
		await stub.grantCredits({ amount: 5, idempotencyKey: "g", reason: "top-up" });
		const retried = await stub.reserveCredits(reserveInput("r", 5));
		expect(retried.ok).toBe(true);
	});

	it("releases a reservation on failure, and refuses to settle or release it twice", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 5, idempotencyKey: "g", reason: "allowance" });
		const r = await stub.reserveCredits(reserveInput("r", 5));
		if (!r.ok) throw new Error("reserve failed");
		expect(await stub.releaseCredits({ reservationId: r.reservationId, idempotencyKey: "x" })).toEqual({
			ok: true,
			released: 5,
			balance: 5,
			reserved: 0,
			available: 5,
		});
		expect(await stub.settleCredits({ reservationId: r.reservationId, actual: 1, idempotencyKey: "late" })).toMatchObject({
			ok: false,
			reason: "reservation-not-open",
		});
		expect(await stub.releaseCredits({ reservationId: "nope", idempotencyKey: "y" })).toMatchObject({
			ok: false,
			reason: "reservation-not-open",
		});
		expect((await stub.credits()).balance).toBe(5);
	});

	it("rejects amounts that are not whole positive credits", async () => {
		const stub = gate();
		for (const amount of [0, -1, 1.5, Number.NaN, 2e9]) {
			expect(await stub.grantCredits({ amount, idempotencyKey: `g${amount}`, reason: "x" }), String(amount)).toMatchObject({
				ok: false,
				reason: "invalid-request",
				message: expect.stringMatching(/whole number/),
			});
		}
		expect(await stub.credits()).toEqual({ balance: 0, reserved: 0, available: 0 });
	});

	it("releases reservations nobody settled once they expire", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 3, idempotencyKey: "g", reason: "allowance" });
		const now = Date.now();
		await stub.reserveCredits(reserveInput("stale", 2), now - RESERVATION_TTL_MS - 1);
		await stub.reserveCredits(reserveInput("fresh", 1), now);
		expect(await runDurableObjectAlarm(stub)).toBe(true);
		expect(await stub.credits()).toEqual({ balance: 3, reserved: 1, available: 2 });
		expect((await ledgerRows(stub)).map((r) => r.kind)).toEqual(["grant", "reserve", "reserve", "expire"]);
	});

	it("keeps its state across a restart of the object", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 9, idempotencyKey: "g", reason: "allowance" });
		await stub.reserveCredits(reserveInput("r", 4));
		const reloaded = await runInDurableObject(stub, (_instance: TenantGate, state) => new CreditLedger(state.storage).current());
		expect(reloaded).toEqual({ balance: 9, reserved: 4, available: 5 });
	});

	it("pages its history newest first and sums usage by feature and by user", async () => {
		const stub = gate();
		await stub.grantCredits({ amount: 100, idempotencyKey: "g", reason: "allowance" });
		for (const [i, feature, user, cost] of [
			[1, "assistant", "u1", 3],
			[2, "assistant", "u2", 4],
			[3, "export", "u1", 5],
		] as const) {
			const r = await stub.reserveCredits({ amount: 10, idempotencyKey: `r${i}`, feature, userId: user });
			if (r.ok) await stub.settleCredits({ reservationId: r.reservationId, actual: cost, idempotencyKey: `s${i}` });
		}
		const first = await stub.creditHistory(3, null);
		expect(first.entries.map((e) => e.kind)).toEqual(["settle", "reserve", "settle"]);
		expect(first.entries[0]).toMatchObject({ kind: "settle", amount: 5, feature: "export", balanceAfter: 88 });
		const second = await stub.creditHistory(10, Number(first.nextCursor));
		expect(second.entries.map((e) => e.kind)).toEqual(["reserve", "settle", "reserve", "grant"]);
		expect(second.nextCursor).toBeNull();

		const summary = await stub.creditSummary(0);
		expect(summary.byFeature).toEqual([
			{ feature: "assistant", credits: 7, calls: 2 },
			{ feature: "export", credits: 5, calls: 1 },
		]);
		expect(summary.byUser).toEqual([
			{ userId: "u1", credits: 8, calls: 2 },
			{ userId: "u2", credits: 4, calls: 1 },
		]);
	});
});
