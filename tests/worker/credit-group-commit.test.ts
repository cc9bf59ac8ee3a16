/**
 * TenantGate applies credit movements in groups (one storage confirmation for many calls). These
 * tests prove the grouping changes no result: calls issued together inside the object (so they
 * are applied as one group, in order) and hundreds of concurrent calls through RPC, mixing
 * reserve, settle, release and grant, replayed keys and a balance that runs out mid-group, leave
 * the exact balance, give every replay the first result, and leave ledger rows that add up.
 */
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TenantGate } from "../../durable-objects/tenant-gate";
import type { ReserveResult } from "../../schema/credits";

type Row = { kind: string; amount: number; balance_after: number; reserved_after: number };
type Stub = ReturnType<typeof env.TENANT_GATE.getByName>;

async function ledgerRows(stub: Stub): Promise<Row[]> {
	return runInDurableObject(stub, (_instance: TenantGate, state) =>
		state.storage.sql.exec<Row>("SELECT kind, amount, balance_after, reserved_after FROM credit_ledger ORDER BY seq").toArray(),
	);
}

/** Granted minus charged, from the rows alone. */
function balanceFromRows(rows: Row[]): number {
	return rows.reduce((sum, r) => sum + (r.kind === "grant" ? r.amount : r.kind === "settle" ? -r.amount : 0), 0);
}

function idOf(result: ReserveResult): string {
	if (!result.ok) throw new Error(`expected a reservation, got ${JSON.stringify(result)}`);
	return result.reservationId;
}

const reserveInput = (key: string, amount: number) => ({ amount, idempotencyKey: key, feature: "assistant", userId: "u1" });

describe("credit movements applied in groups", () => {
	it("a group mixing every movement, replays and a balance that runs out gives each call its own exact result, in order", async () => {
		const stub = env.TENANT_GATE.getByName(crypto.randomUUID());
		await stub.grantCredits({ amount: 10, idempotencyKey: "g", reason: "allowance" });

		// Issued without waiting in between, inside the object: applied as one group, in this order.
		const first = await runInDurableObject(stub, (gate: TenantGate) =>
			Promise.all([
				gate.reserveCredits(reserveInput("a", 3)),
				gate.reserveCredits(reserveInput("b", 3)),
				gate.reserveCredits(reserveInput("a", 3)),
				gate.reserveCredits(reserveInput("c", 3)),
				gate.reserveCredits(reserveInput("d", 3)),
				gate.reserveCredits(reserveInput("a", 4)),
				gate.reserveCredits(reserveInput("e", 1)),
			]),
		);
		const [a, b, aReplay, c, dRefused, aReused, e] = first;
		expect(a).toMatchObject({ ok: true, balance: 10, reserved: 3, available: 7 });
		expect(b).toMatchObject({ ok: true, reserved: 6, available: 4 });
		expect(aReplay).toEqual(a);
		expect(c).toMatchObject({ ok: true, reserved: 9, available: 1 });
		expect(dRefused).toEqual({ ok: false, reason: "insufficient-credits", requested: 3, balance: 10, reserved: 9, available: 1 });
		expect(aReused).toMatchObject({ ok: false, reason: "idempotency-key-reused" });
		expect(e).toMatchObject({ ok: true, reserved: 10, available: 0 });

		const [aId, bId, cId, eId] = [idOf(a), idOf(b), idOf(c), idOf(e)];
		const second = await runInDurableObject(stub, (gate: TenantGate) =>
			Promise.all([
				gate.settleCredits({ reservationId: aId, actual: 2, idempotencyKey: "sa" }),
				gate.settleCredits({ reservationId: aId, actual: 2, idempotencyKey: "sa" }),
				gate.settleCredits({ reservationId: bId, actual: 9, idempotencyKey: "sb" }),
				gate.releaseCredits({ reservationId: cId, idempotencyKey: "xc" }),
				gate.releaseCredits({ reservationId: cId, idempotencyKey: "xc-again" }),
				gate.reserveCredits(reserveInput("d", 3)),
				gate.settleCredits({ reservationId: aId, actual: 1, idempotencyKey: "sa-late" }),
				gate.grantCredits({ amount: 5, idempotencyKey: "g2", reason: "top-up" }),
				gate.settleCredits({ reservationId: eId, actual: 1, idempotencyKey: "se" }),
				gate.releaseCredits({ reservationId: cId, idempotencyKey: "xc" }),
			]),
		);
		const [sa, saReplay, sb, xc, xcAgain, d, saLate, g2, se, xcReplay] = second;
		expect(sa).toEqual({ ok: true, charged: 2, shortfall: 0, balance: 8, reserved: 7, available: 1 });
		expect(saReplay).toEqual(sa);
		// Cost more than reserved: charged only what the balance covers beside the other holds.
		expect(sb).toEqual({ ok: true, charged: 4, shortfall: 5, balance: 4, reserved: 4, available: 0 });
		expect(xc).toEqual({ ok: true, released: 3, balance: 4, reserved: 1, available: 3 });
		expect(xcAgain).toMatchObject({ ok: false, reason: "reservation-not-open" });
		// Refused in the first group (not remembered), covered now that c was released.
		expect(d).toMatchObject({ ok: true, balance: 4, reserved: 4, available: 0 });
		expect(saLate).toMatchObject({ ok: false, reason: "reservation-not-open" });
		expect(g2).toEqual({ ok: true, balance: 9, reserved: 4, available: 5 });
		expect(se).toEqual({ ok: true, charged: 1, shortfall: 0, balance: 8, reserved: 3, available: 5 });
		expect(xcReplay).toEqual(xc);

		const dId = idOf(d);
		const third = await runInDurableObject(stub, (gate: TenantGate) =>
			Promise.all([
				gate.settleCredits({ reservationId: dId, actual: 3, idempotencyKey: "sd" }),
				gate.releaseCredits({ reservationId: dId, idempotencyKey: "xd" }),
				gate.settleCredits({ reservationId: dId, actual: 3, idempotencyKey: "sd" }),
			]),
		);
		expect(third[0]).toEqual({ ok: true, charged: 3, shortfall: 0, balance: 5, reserved: 0, available: 5 });
		expect(third[1]).toMatchObject({ ok: false, reason: "reservation-not-open" });
		expect(third[2]).toEqual(third[0]);

		expect(await stub.credits()).toEqual({ balance: 5, reserved: 0, available: 5 });
		const rows = await ledgerRows(stub);
		expect(rows.map((r) => `${r.kind} ${r.amount}`)).toEqual([
			"grant 10",
			"reserve 3",
			"reserve 3",
			"reserve 3",
			"reserve 1",
			"settle 2",
			"settle 4",
			"release 3",
			"reserve 3",
			"grant 5",
			"settle 1",
			"settle 3",
		]);
		expect(balanceFromRows(rows)).toBe(5);
	});

	it("hundreds of concurrent calls through RPC, each key sent twice, against a balance that runs out: exact, and every replay gets the first result", async () => {
		const stub = env.TENANT_GATE.getByName(crypto.randomUUID());
		await stub.grantCredits({ amount: 150, idempotencyKey: "g", reason: "allowance" });

		const keys = Array.from({ length: 200 }, (_, i) => `r-${i}`);
		const reserved = await Promise.all([...keys, ...keys].map((key) => stub.reserveCredits(reserveInput(key, 1))));
		// Each key's first call and its replay.
		const byKey = keys.map((_, i) => [reserved[i], reserved[i + keys.length]] as [ReserveResult, ReserveResult]);
		const held = byKey.filter(([once, twice]) => once.ok || twice.ok);
		expect(held).toHaveLength(150);
		// A granted reservation is remembered: its replay is the same result (a refusal is not, and may be granted on retry).
		for (const [once, twice] of byKey) if (once.ok) expect(twice).toEqual(once);

		// Settle the even ones (2 credits of 1 reserved, while the balance lasts), release the odd ones,
		// each twice with the same key, while 100 new reservations compete for what the releases free.
		const ids = held.map(([once, twice]) => idOf(once.ok ? once : twice));
		const closing = ids.flatMap((id, i) => {
			const close = () =>
				i % 2 === 0
					? stub.settleCredits({ reservationId: id, actual: 2, idempotencyKey: `s-${id}` })
					: stub.releaseCredits({ reservationId: id, idempotencyKey: `x-${id}` });
			return [close(), close()];
		});
		const late = Array.from({ length: 100 }, (_, i) => stub.reserveCredits(reserveInput(`late-${i}`, 1)));
		const closed = await Promise.all(closing);
		const lateResults = await Promise.all(late);

		for (let i = 0; i < closed.length; i += 2) {
			expect(closed[i]).toMatchObject({ ok: true });
			expect(closed[i + 1]).toEqual(closed[i]);
		}
		const charged = closed.filter((_, i) => i % 4 === 0).reduce((sum, r) => sum + (r.ok && "charged" in r ? r.charged : 0), 0);
		const lateHeld = lateResults.filter((r) => r.ok).length;
		const final = await stub.credits();
		expect(final).toEqual({ balance: 150 - charged, reserved: lateHeld, available: 150 - charged - lateHeld });
		expect(final.available).toBeGreaterThanOrEqual(0);

		const rows = await ledgerRows(stub);
		expect(rows.filter((r) => r.kind === "reserve")).toHaveLength(150 + lateHeld);
		expect(rows.filter((r) => r.kind === "settle")).toHaveLength(75);
		expect(rows.filter((r) => r.kind === "release")).toHaveLength(75);
		expect(balanceFromRows(rows)).toBe(final.balance);
		expect(rows.at(-1)).toMatchObject({ balance_after: final.balance, reserved_after: final.reserved });
		expect(rows.every((r) => r.balance_after >= 0 && r.balance_after >= r.reserved_after)).toBe(true);
	});
});
