/**
 * Low-balance alerts: TenantGate reports a fall below the threshold once per crossing (not on every
 * reservation) and re-arms when credits are topped up; the alert job emails owner and admins once
 * and queues a push for each; the monthly grant sets the threshold to 10% of the allowance.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jobDeps } from "../../worker/jobs/job-deps";
import { runLowBalanceAlert } from "../../worker/jobs/low-balance-alert";
import { type Agency, signUpAgency } from "./helpers";
import { addMember } from "./members";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpAgency("acme");
	beta = await signUpAgency("beta");
});

const reserve = (tenantId: string, amount: number, key: string) =>
	env.TENANT_GATE.getByName(tenantId).reserveCredits({ amount, idempotencyKey: key, feature: "assistant", userId: null });

describe("the low-balance watch in TenantGate", () => {
	it("counts one crossing per fall below the threshold and re-arms after a top-up", async () => {
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		await gate.grantCredits({ amount: 500, idempotencyKey: "grant-1", reason: "test" });
		expect(await gate.setLowBalanceThreshold(acme.tenantId, 100)).toEqual({ threshold: 100, alerted: false, crossings: 0 });
		await reserve(acme.tenantId, 350, "r1");
		expect((await gate.lowBalanceState()).crossings).toBe(0);
		await reserve(acme.tenantId, 100, "r2");
		expect(await gate.lowBalanceState()).toEqual({ threshold: 100, alerted: true, crossings: 1 });
		await reserve(acme.tenantId, 10, "r3");
		await reserve(acme.tenantId, 10, "r3");
		expect((await gate.lowBalanceState()).crossings).toBe(1);
		await gate.grantCredits({ amount: 500, idempotencyKey: "grant-2", reason: "top-up" });
		expect(await gate.lowBalanceState()).toMatchObject({ alerted: false, crossings: 1 });
		await reserve(acme.tenantId, 500, "r4");
		expect((await gate.lowBalanceState()).crossings).toBe(2);
		expect(await env.TENANT_GATE.getByName(beta.tenantId).lowBalanceState()).toEqual({ threshold: 0, alerted: false, crossings: 0 });
	});
});

describe("low-balance-alert job", () => {
	it("emails the owner and admins of that agency once per crossing, not staff nor other agencies", async () => {
		await addMember(acme.tenantId, "admin", "ada@acme.test");
		await addMember(acme.tenantId, "staff", "sam@acme.test");
		await addMember(beta.tenantId, "admin", "bob@beta.test");
		const job = {
			type: "low-balance-alert",
			tenantId: acme.tenantId,
			threshold: 100,
			idempotencyKey: `low-balance:${acme.tenantId}:7`,
		} as const;
		await runLowBalanceAlert(jobDeps(env), job);
		await runLowBalanceAlert(jobDeps(env), job);
		const rows = await env.DB.prepare(
			"SELECT to_address, tenant_id FROM email_outbox WHERE template = 'low-balance' AND substr(idempotency_key, 1, ?) = ?",
		)
			.bind(job.idempotencyKey.length + 1, `${job.idempotencyKey}:`)
			.all<{ to_address: string; tenant_id: string }>();
		expect(rows.results.map((r) => r.to_address).sort()).toEqual(["ada@acme.test", acme.owner.email].sort());
		expect(new Set(rows.results.map((r) => r.tenant_id))).toEqual(new Set([acme.tenantId]));
	});
});
