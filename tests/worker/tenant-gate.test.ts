/** TenantGate's token buckets: exact under concurrency, refilling over time, remembered across restarts, forgotten when full. */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TenantGate } from "../../durable-objects/tenant-gate";
import { uniqueSlug } from "../support/agencies";

const rule = { capacity: 10, refillPerSecond: 1 };

describe("TenantGate rate limits", () => {
	it("allows exactly the capacity under 50 concurrent takes", async () => {
		const gate = env.TENANT_GATE.getByName(uniqueSlug("concurrency"));
		const results = await Promise.all(Array.from({ length: 50 }, () => gate.take("k", rule)));
		expect(results.filter((r) => r.allowed)).toHaveLength(10);
		const denied = results.find((r) => !r.allowed);
		expect(denied).toMatchObject({ allowed: false });
	});

	it("refills at the rule's rate and says when to retry", async () => {
		const gate = env.TENANT_GATE.getByName(uniqueSlug("refill"));
		const t0 = 1_000_000;
		for (let i = 0; i < 10; i++) expect((await gate.take("k", rule, 1, t0)).allowed).toBe(true);
		expect(await gate.take("k", rule, 1, t0)).toEqual({ allowed: false, retryAfterMs: 1000 });
		expect((await gate.take("k", rule, 1, t0 + 1000)).allowed).toBe(true);
		expect((await gate.take("k", rule, 1, t0 + 1000)).allowed).toBe(false);
		expect(await gate.take("k", rule, 1, t0 + 60_000)).toEqual({ allowed: true, remaining: 9 });
	});

	it("keeps separate buckets per key and per tenant", async () => {
		const a = env.TENANT_GATE.getByName(uniqueSlug("tenant-a"));
		const b = env.TENANT_GATE.getByName(uniqueSlug("tenant-b"));
		for (let i = 0; i < 10; i++) await a.take("k", rule);
		expect((await a.take("k", rule)).allowed).toBe(false);
		expect((await a.take("other", rule)).allowed).toBe(true);
		expect((await b.take("k", rule)).allowed).toBe(true);
	});

	it("remembers buckets in storage and resets one on request", async () => {
		const gate = env.TENANT_GATE.getByName(uniqueSlug("stored"));
		for (let i = 0; i < 10; i++) await gate.take("k", rule);
		const rows = await runInDurableObject(gate, (_instance: TenantGate, state) =>
			state.storage.sql.exec<{ key: string; tokens: number }>("SELECT key, tokens FROM buckets").toArray(),
		);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.tokens).toBeLessThan(1);
		await gate.reset("k");
		expect(await gate.take("k", rule)).toEqual({ allowed: true, remaining: 9 });
	});

	it("forgets refilled buckets when its cleanup alarm runs", async () => {
		const gate = env.TENANT_GATE.getByName(uniqueSlug("cleanup"));
		await gate.take("old", rule, 1, Date.now() - 10 * 60 * 60 * 1000);
		await gate.take("fresh", rule);
		expect(await runDurableObjectAlarm(gate)).toBe(true);
		const keys = await runInDurableObject(gate, (_instance: TenantGate, state) =>
			state.storage.sql
				.exec<{ key: string }>("SELECT key FROM buckets")
				.toArray()
				.map((r) => r.key),
		);
		expect(keys).toEqual(["fresh"]);
	});
});
