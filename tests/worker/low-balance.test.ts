/**
 * Low-balance alerts: TenantGate reports a fall below the threshold once per crossing (not on every
 * reservation) and re-arms when credits are topped up; the alert job emails owner and admins once
 * and queues a push for each; the monthly grant sets the threshold to 10% of the allowance, and an
 * owner (billing:manage) can set the agency's own through PUT /api/v1/usage/low-balance.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jobDeps } from "../../worker/jobs/job-deps";
import { runLowBalanceAlert } from "../../worker/jobs/low-balance-alert";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { countEmails, waitForEmails } from "../support/mailbox";
import { addMember } from "./members";
import { received, register, subscribeDevice } from "./push-device";

vi.setConfig({ testTimeout: 30_000 });

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
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
		await addMember(acme.tenantId, "admin", `ada@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `sam@${acme.slug}.test`);
		await addMember(beta.tenantId, "admin", `bob@${beta.slug}.test`);
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
		expect(rows.results.map((r) => r.to_address).sort()).toEqual([`ada@${acme.slug}.test`, acme.owner.email].sort());
		expect(new Set(rows.results.map((r) => r.tenant_id))).toEqual(new Set([acme.tenantId]));
	});
});

describe("the agency's own low-balance threshold", () => {
	const path = "/api/v1/usage/low-balance";
	const put = (agency: Agency, body: unknown, cookie = agency.ownerCookie, host = agency.host) =>
		call(host, path, { method: "PUT", cookie, body });
	const settingOf = async (agency: Agency) => env.TENANT_GATE.getByName(agency.tenantId).lowBalanceSetting();

	it("shows the plan's real default before any credits were granted (10% of the plan's allowance, never 0)", async () => {
		const read = async (agency: Agency) => (await call(agency.host, path, { cookie: agency.ownerCookie })).json();
		// A new agency is on Starter (1,000 credits a month) and no grant has set the gate's default yet.
		expect(await settingOf(acme)).toMatchObject({ planDefault: 0 });
		expect(await read(acme)).toEqual({ threshold: 100, custom: null, planDefault: 100 });
		await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id = ?").bind(beta.tenantId).run();
		expect(await read(beta)).toEqual({ threshold: 1000, custom: null, planDefault: 1000 });
		// The agency's own threshold still wins; the default beside it stays the plan's.
		expect(await (await put(acme, { threshold: 0 })).json()).toEqual({ threshold: 0, custom: 0, planDefault: 100 });
	});

	it("overrides the plan's default for that agency only, is audited, and null goes back to the default", async () => {
		for (const agency of [acme, beta]) {
			await env.TENANT_GATE.getByName(agency.tenantId).grantCredits({ amount: 1000, idempotencyKey: "g", reason: "test" });
			await env.TENANT_GATE.getByName(agency.tenantId).setLowBalanceThreshold(agency.tenantId, 100);
		}
		const set = await put(acme, { threshold: 250 });
		expect(set.status).toBe(200);
		expect(await set.json()).toEqual({ threshold: 250, custom: 250, planDefault: 100 });
		// A later monthly grant resets the default, not the agency's choice.
		await env.TENANT_GATE.getByName(acme.tenantId).setLowBalanceThreshold(acme.tenantId, 120);
		await addMember(acme.tenantId, "admin", `ada@${acme.slug}.test`);
		const read = await call(acme.host, path, { cookie: await logIn(acme.host, `ada@${acme.slug}.test`) });
		expect(await read.json()).toEqual({ threshold: 250, custom: 250, planDefault: 120 });
		expect(await settingOf(beta)).toEqual({ threshold: 100, custom: null, planDefault: 100 });
		const audit = await env.DB.prepare(
			"SELECT tenant_id, detail FROM audit_events WHERE tenant_id IN (?, ?) AND action = 'tenant.settings_changed'",
		)
			.bind(acme.tenantId, beta.tenantId)
			.all<{
				tenant_id: string;
				detail: string;
			}>();
		expect(audit.results).toEqual([{ tenant_id: acme.tenantId, detail: expect.stringContaining('"lowBalanceThreshold":250') }]);
		expect(await (await put(acme, { threshold: null })).json()).toEqual({ threshold: 120, custom: null, planDefault: 120 });
		expect(await (await put(acme, { threshold: 0 })).json()).toEqual({ threshold: 0, custom: 0, planDefault: 120 });
	});

	it("is for billing managers: admins and staff get 403, another agency's owner 401, changing nothing", async () => {
		await addMember(acme.tenantId, "admin", `ada@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `sam@${acme.slug}.test`);
		const admin = await logIn(acme.host, `ada@${acme.slug}.test`);
		const staff = await logIn(acme.host, `sam@${acme.slug}.test`);
		const denied = await put(acme, { threshold: 5 }, admin);
		expect(denied.status).toBe(403);
		expect((await problemOf(denied)).detail).toMatch(/does not have billing:manage/);
		expect((await put(acme, { threshold: 5 }, staff)).status).toBe(403);
		expect((await call(acme.host, path, { cookie: staff })).status).toBe(403);
		expect((await put(acme, { threshold: 5 }, beta.ownerCookie)).status).toBe(401);
		expect((await call(acme.host, path, { cookie: beta.ownerCookie })).status).toBe(401);
		expect((await settingOf(acme)).custom).toBeNull();
	});

	it("names the field of bad input with 422 and changes nothing", async () => {
		for (const body of [{ threshold: -1 }, { threshold: 1.5 }, { threshold: "ten" }, { threshold: 100_000_001 }, {}]) {
			const bad = await put(acme, body);
			expect(bad.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["threshold"]);
		}
		expect((await settingOf(acme)).custom).toBeNull();
	});

	it("alerts at once when the new threshold is above the balance, not again when it is saved again", async () => {
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		await gate.grantCredits({ amount: 100, idempotencyKey: "g", reason: "top-up" });
		expect((await put(acme, { threshold: 300 })).status).toBe(200);
		expect((await put(acme, { threshold: 300 })).status).toBe(200);
		expect(await waitForEmails(acme.owner.email, /running low/)).toHaveLength(1);
		expect(await gate.lowBalanceState()).toEqual({ threshold: 300, alerted: true, crossings: 1 });
	});

	it("emails and pushes once when the balance falls below the agency's threshold, again only after a top-up", async () => {
		const device = await subscribeDevice();
		expect((await register(acme.host, acme.ownerCookie, device)).status).toBe(201);
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		await gate.grantCredits({ amount: 1000, idempotencyKey: "g1", reason: "monthly allowance" });
		expect((await put(acme, { threshold: 300 })).status).toBe(200);
		await reserve(acme.tenantId, 750, "r1");
		await reserve(acme.tenantId, 50, "r2");
		await reserve(acme.tenantId, 50, "r3");
		expect(await waitForEmails(acme.owner.email, /running low/)).toHaveLength(1);
		await expect.poll(async () => (await received(device)).map((m) => m.title), { timeout: 10_000 }).toEqual(["AI credits running low"]);
		expect(await gate.lowBalanceState()).toEqual({ threshold: 300, alerted: true, crossings: 1 });

		await gate.grantCredits({ amount: 500, idempotencyKey: "g2", reason: "top-up" });
		expect((await gate.lowBalanceState()).alerted).toBe(false);
		await reserve(acme.tenantId, 400, "r4");
		const emails = await waitForEmails(acme.owner.email, /running low/, 2);
		expect(emails.map((e) => e.text).at(-1)).toMatch(/250 credits are left \(the alert threshold is 300\)/);
		await expect.poll(async () => (await received(device)).length, { timeout: 10_000 }).toBe(2);
		expect(await countEmails(acme.owner.email, /running low/)).toBe(2);
		expect(await countEmails(beta.owner.email, /running low/)).toBe(0);
	});
});
