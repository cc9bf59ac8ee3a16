/** The audit log records sign-ins and their failures, per tenant, and refuses to be edited. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp } from "../support/http";

let acme: Agency;
let globex: Agency;
/** The acme owner's email (unique per test: the tests of this file share storage). */
let ann: string;
beforeEach(async () => {
	const acmeSlug = uniqueSlug("acme");
	const globexSlug = uniqueSlug("globex");
	ann = `ann@${acmeSlug}.test`;
	acme = await signUpAgency(acmeSlug, { email: ann });
	globex = await signUpAgency(globexSlug, { email: `gil@${globexSlug}.test` });
});

type Row = {
	tenant_id: string;
	action: string;
	actor_user_id: string | null;
	actor_label: string;
	ip: string | null;
	user_agent: string | null;
};

async function auditRows(tenantId: string): Promise<Row[]> {
	const rows = await env.DB.prepare(
		"SELECT tenant_id, action, actor_user_id, actor_label, ip, user_agent FROM audit_events WHERE tenant_id = ? ORDER BY created_at, id",
	)
		.bind(tenantId)
		.all<Row>();
	return rows.results;
}

describe("audit log", () => {
	it("records a failed and a successful sign-in with actor, IP and user agent, in the tenant's log only", async () => {
		const ip = freshIp();
		await call(acme.host, "/api/v1/auth/login", {
			body: { email: ann, password: "wrong password!" },
			ip,
			headers: { "User-Agent": "TestAgent/1" },
		});
		await logIn(acme.host, ann);
		const rows = (await auditRows(acme.tenantId)).filter((r) => r.action.startsWith("auth."));
		// The first row is the owner's hand-off sign-in right after sign-up.
		expect(rows.map((r) => [r.action, r.actor_label])).toEqual([
			["auth.sign_in", ann],
			["auth.sign_in_failed", ann],
			["auth.sign_in", ann],
		]);
		expect(rows[1]).toMatchObject({ actor_user_id: acme.owner.id, ip, user_agent: "TestAgent/1" });
		expect((await auditRows(globex.tenantId)).filter((r) => r.actor_label === ann)).toEqual([]);
	});

	it("cannot be edited, even by a direct UPDATE", async () => {
		await call(acme.host, "/api/v1/auth/login", { body: { email: ann, password: "wrong password!" }, ip: freshIp() });
		await expect(env.DB.prepare("UPDATE audit_events SET action = 'auth.sign_in'").run()).rejects.toThrow(/append-only/);
		expect((await auditRows(acme.tenantId)).map((r) => r.action)).toContain("auth.sign_in_failed");
	});
});
