/** The usage API: the agency's credit balance, ledger and usage summary, for those allowed to see them, and only their own. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { LedgerPage, UsageSummary } from "../../schema/credits";
import { startOfMonthUtc } from "../../worker/routes/usage/usage.index";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
});

async function spend(
	tenantId: string,
	feature: string,
	userId: string,
	reserve: number,
	actual: number,
	key: string,
	model?: string,
): Promise<void> {
	const gate = env.TENANT_GATE.getByName(tenantId);
	const r = await gate.reserveCredits({ amount: reserve, idempotencyKey: `r-${key}`, feature, userId });
	if (!r.ok) throw new Error(`reserve failed: ${JSON.stringify(r)}`);
	await gate.settleCredits({ reservationId: r.reservationId, actual, idempotencyKey: `s-${key}`, ...(model ? { model } : {}) });
}

describe("GET /api/v1/usage/credits", () => {
	it("shows the owner an honest zero before any grant, then the real balance", async () => {
		const empty = await call(acme.host, "/api/v1/usage/credits", { cookie: acme.ownerCookie });
		expect(await empty.json()).toEqual({ balance: 0, reserved: 0, available: 0 });
		await env.TENANT_GATE.getByName(acme.tenantId).grantCredits({ amount: 250, idempotencyKey: "g", reason: "monthly allowance" });
		await spend(acme.tenantId, "assistant", acme.owner.id, 50, 20, "1");
		const res = await call(acme.host, "/api/v1/usage/credits", { cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ balance: 230, reserved: 0, available: 230 });
	});

	it("never shows one agency's credits to another", async () => {
		await env.TENANT_GATE.getByName(acme.tenantId).grantCredits({ amount: 999, idempotencyKey: "g", reason: "top-up" });
		const res = await call(beta.host, "/api/v1/usage/credits", { cookie: beta.ownerCookie });
		expect(await res.json()).toEqual({ balance: 0, reserved: 0, available: 0 });
		expect((await call(beta.host, "/api/v1/usage/credits", { cookie: acme.ownerCookie })).status).toBe(401);
	});

	it("is for owners and admins: staff and clients get 403, visitors 401", async () => {
		await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		await addMember(acme.tenantId, "client", `client@${acme.slug}.test`);
		expect((await call(acme.host, "/api/v1/usage/credits", { cookie: await logIn(acme.host, `admin@${acme.slug}.test`) })).status).toBe(
			200,
		);
		for (const email of [`staff@${acme.slug}.test`, `client@${acme.slug}.test`]) {
			const res = await call(acme.host, "/api/v1/usage/credits", { cookie: await logIn(acme.host, email) });
			expect(res.status, email).toBe(403);
			expect((await problemOf(res)).detail).toMatch(/does not have usage:read/);
		}
		expect((await call(acme.host, "/api/v1/usage/credits")).status).toBe(401);
	});
});

describe("GET /api/v1/usage/credits/ledger", () => {
	it("pages every movement newest first with its reason", async () => {
		await env.TENANT_GATE.getByName(acme.tenantId).grantCredits({ amount: 100, idempotencyKey: "g", reason: "monthly allowance" });
		for (let i = 0; i < 3; i++) await spend(acme.tenantId, "assistant", acme.owner.id, 10, 2, String(i));
		const first = (await (
			await call(acme.host, "/api/v1/usage/credits/ledger?limit=4", { cookie: acme.ownerCookie })
		).json()) as LedgerPage;
		expect(first.entries.map((e) => e.kind)).toEqual(["settle", "reserve", "settle", "reserve"]);
		expect(first.entries[0]).toMatchObject({ amount: 2, balanceAfter: 94, feature: "assistant", userId: acme.owner.id });
		const second = (await (
			await call(acme.host, `/api/v1/usage/credits/ledger?limit=4&cursor=${first.nextCursor}`, { cookie: acme.ownerCookie })
		).json()) as LedgerPage;
		expect(second.entries.map((e) => e.kind)).toEqual(["settle", "reserve", "grant"]);
		expect(second.entries.at(-1)).toMatchObject({ reason: "monthly allowance", amount: 100 });
		expect(second.nextCursor).toBeNull();
		const other = (await (await call(beta.host, "/api/v1/usage/credits/ledger", { cookie: beta.ownerCookie })).json()) as LedgerPage;
		expect(other.entries).toEqual([]);
	});

	it("names a bad query parameter", async () => {
		for (const [query, field] of [
			["limit=0", "limit"],
			["limit=abc", "limit"],
			["limit=1000", "limit"],
			["cursor=drop table", "cursor"],
			["page=2", "page"],
		] as const) {
			const res = await call(acme.host, `/api/v1/usage/credits/ledger?${query}`, { cookie: acme.ownerCookie });
			expect(res.status, query).toBe(422);
			expect(
				(await problemOf(res)).errors?.map((e) => e.path),
				query,
			).toEqual([field]);
		}
	});
});

describe("GET /api/v1/usage/credits/summary", () => {
	it("sums this month's usage by feature, user, model and day, in credits and in money", async () => {
		await env.TENANT_GATE.getByName(acme.tenantId).grantCredits({ amount: 100, idempotencyKey: "g", reason: "allowance" });
		await spend(acme.tenantId, "assistant", "u1", 10, 3, "a", "openai/gpt-4o-mini");
		await spend(acme.tenantId, "export", "u2", 10, 7, "b");
		await spend(acme.tenantId, "assistant", "u2", 20, 12, "c", "anthropic/claude-sonnet-4-5");
		await spend(acme.tenantId, "assistant", "u1", 10, 2, "d", "openai/gpt-4o-mini");
		const res = await call(acme.host, "/api/v1/usage/credits/summary", { cookie: acme.ownerCookie });
		const summary = (await res.json()) as UsageSummary;
		expect(summary.since).toBe(startOfMonthUtc(Date.now()));
		// One credit is worth the smallest pack's list price: $10 for 1,000 credits, one cent.
		expect(summary.creditValue).toEqual({
			currency: "usd",
			centsPerCredit: 1,
			basis: "The list price of the 1,000 AI credits top-up pack",
		});
		expect(summary.byFeature).toEqual([
			{ feature: "assistant", credits: 17, calls: 3, moneyCents: 17 },
			{ feature: "export", credits: 7, calls: 1, moneyCents: 7 },
		]);
		// u1 and u2 are no people of this agency: no name is shown for them.
		expect(summary.byUser).toEqual([
			{ userId: "u2", name: null, credits: 19, calls: 2, moneyCents: 19 },
			{ userId: "u1", name: null, credits: 5, calls: 2, moneyCents: 5 },
		]);
		expect(summary.byModel).toEqual([
			{ model: "anthropic/claude-sonnet-4-5", label: "Claude Sonnet 4.5", credits: 12, calls: 1, moneyCents: 12 },
			{ model: null, label: null, credits: 7, calls: 1, moneyCents: 7 },
			{ model: "openai/gpt-4o-mini", label: "GPT-4o mini", credits: 5, calls: 2, moneyCents: 5 },
		]);
		const today = new Date().toISOString().slice(0, 10);
		expect(summary.byDay).toEqual([{ day: today, credits: 24, calls: 4, moneyCents: 24 }]);
		const row = { day: today, name: null };
		expect(summary.breakdown).toEqual([
			{
				...row,
				feature: "assistant",
				userId: "u2",
				model: "anthropic/claude-sonnet-4-5",
				label: "Claude Sonnet 4.5",
				credits: 12,
				calls: 1,
				moneyCents: 12,
			},
			{ ...row, feature: "export", userId: "u2", model: null, label: null, credits: 7, calls: 1, moneyCents: 7 },
			{
				...row,
				feature: "assistant",
				userId: "u1",
				model: "openai/gpt-4o-mini",
				label: "GPT-4o mini",
				credits: 5,
				calls: 2,
				moneyCents: 5,
			},
		]);
		const future = await call(acme.host, `/api/v1/usage/credits/summary?since=${Date.now() + 60_000}`, { cookie: acme.ownerCookie });
		expect(((await future.json()) as UsageSummary).byUser).toEqual([]);
		const bad = await call(acme.host, "/api/v1/usage/credits/summary?since=yesterday", { cookie: acme.ownerCookie });
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["since"]);
	});

	it("starts the default period at midnight UTC on the first of the month", () => {
		expect(startOfMonthUtc(Date.UTC(2026, 10, 23, 17, 5))).toBe(Date.UTC(2026, 10, 1));
		expect(startOfMonthUtc(Date.UTC(2027, 0, 1, 0, 0))).toBe(Date.UTC(2027, 0, 1));
	});
});
