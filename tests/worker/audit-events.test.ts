/** The audit log viewer: filtered pages newest first, a CSV export safe in spreadsheets, read-only, one agency's events only. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { CreatedApiKey } from "../../schema/dto/api-keys";
import type { AuditEventPage, AuditEventView } from "../../schema/dto/audit-events";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { auditActions } from "./team";

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
	// API keys (whose actions these tests read back) need a plan with API access.
	await env.DB.prepare("UPDATE tenants SET plan_id = 'pro' WHERE id IN (?, ?)").bind(acme.tenantId, beta.tenantId).run();
});

async function makeRoles(names: string[], userAgent = "TestAgent/1"): Promise<void> {
	for (const name of names) {
		const res = await call(acme.host, "/api/v1/roles", {
			body: { name, permissions: [] },
			cookie: acme.ownerCookie,
			headers: { "User-Agent": userAgent },
		});
		if (res.status !== 201) throw new Error(`role ${name}: ${res.status}`);
	}
}

async function pageOf(query: string, cookie = acme.ownerCookie, host = acme.host): Promise<AuditEventPage> {
	const res = await call(host, `/api/v1/audit-events${query}`, { cookie });
	if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
	return res.json() as Promise<AuditEventPage>;
}

describe("GET /api/v1/audit-events", () => {
	it("pages every event newest first with an opaque cursor, never repeating or skipping one", async () => {
		await makeRoles(["One", "Two", "Three", "Four", "Five"]);
		const all = await pageOf("?limit=200");
		const seen: AuditEventView[] = [];
		let cursor: string | null = null;
		do {
			const page: AuditEventPage = await pageOf(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
			expect(page.events.length).toBeLessThanOrEqual(2);
			seen.push(...page.events);
			cursor = page.nextCursor;
		} while (cursor);
		expect(seen.map((e) => e.id)).toEqual(all.events.map((e) => e.id));
		const times = seen.map((e) => e.createdAt);
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		const names = seen.filter((e) => e.action === "role.created").map((e) => e.detail?.name);
		expect(names).toEqual(["Five", "Four", "Three", "Two", "One"]);
		expect(seen.find((e) => e.action === "role.created")).toMatchObject({
			actor: { userId: acme.owner.id, label: acme.owner.email },
			target: { type: "role" },
			userAgent: "TestAgent/1",
		});
	});

	it("filters by action, actor (id or label) and time", async () => {
		await makeRoles(["One"]);
		await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		await logIn(acme.host, `admin@${acme.slug}.test`);
		expect((await pageOf("?action=role.created")).events.map((e) => e.detail?.name)).toEqual(["One"]);
		expect((await pageOf(`?actor=admin@${acme.slug}.test`)).events.map((e) => e.action)).toEqual(["auth.sign_in"]);
		expect((await pageOf(`?actor=${acme.owner.id}&action=role.created`)).events).toHaveLength(1);
		const all = (await pageOf("")).events;
		const newest = all[0]?.createdAt ?? 0;
		expect((await pageOf(`?from=${newest + 1}`)).events).toEqual([]);
		expect((await pageOf(`?to=${newest + 1}`)).events.length).toBe(all.length);
	});

	it("is for audit:read (staff 403) and works with an API key holding that scope", async () => {
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await call(acme.host, "/api/v1/audit-events", { cookie: staff })).status).toBe(403);
		const created = (await (
			await call(acme.host, "/api/v1/api-keys", { body: { name: "SIEM", scopes: ["audit:read"] }, cookie: acme.ownerCookie })
		).json()) as CreatedApiKey;
		const res = await call(acme.host, "/api/v1/audit-events?action=api_key.created", {
			headers: { Authorization: `Bearer ${created.key}` },
			sameOrigin: false,
		});
		expect(((await res.json()) as AuditEventPage).events).toHaveLength(1);
	});

	it("shows one agency's events only, whatever the cursor", async () => {
		await makeRoles(["Secret", "Another"]);
		const acmePage = await pageOf("?limit=1");
		const betaEvents = (await pageOf("?limit=200", beta.ownerCookie, beta.host)).events;
		expect(betaEvents.some((e) => e.actor.label.endsWith(`@${acme.slug}.test`))).toBe(false);
		expect(betaEvents.every((e) => e.action !== "role.created")).toBe(true);
		const viaCursor = await pageOf(`?cursor=${acmePage.nextCursor}`, beta.ownerCookie, beta.host);
		expect(viaCursor.events.some((e) => e.actor.label.endsWith(`@${acme.slug}.test`))).toBe(false);
		expect((await call(beta.host, "/api/v1/audit-events", { cookie: acme.ownerCookie })).status).toBe(401);
	});

	it("names a bad filter", async () => {
		for (const [query, path] of [
			["action=role.exploded", "action"],
			["limit=0", "limit"],
			["limit=1000", "limit"],
			["from=yesterday", "from"],
			["cursor=bm90IGEgY3Vyc29y", "cursor"],
			["cursor=%24%24", "cursor"],
			["sort=asc", "sort"],
		] as const) {
			const res = await call(acme.host, `/api/v1/audit-events?${query}`, { cookie: acme.ownerCookie });
			expect(res.status, query).toBe(422);
			expect(
				(await problemOf(res)).errors?.map((e) => e.path),
				query,
			).toEqual([path]);
		}
	});

	it("has no route that edits or deletes events", async () => {
		await makeRoles(["Kept"]);
		const [event] = (await pageOf("")).events;
		for (const method of ["PUT", "PATCH", "DELETE", "POST"]) {
			for (const path of ["/api/v1/audit-events", `/api/v1/audit-events/${event?.id}`, "/api/v1/audit-events.csv"]) {
				const res = await call(acme.host, path, { method, cookie: acme.ownerCookie, body: {} });
				expect([404, 405], `${method} ${path}`).toContain(res.status);
			}
		}
		expect((await pageOf("")).events.map((e) => e.id)).toContain(event?.id);
	});
});

describe("GET /api/v1/audit-events.csv", () => {
	it("streams every matching event with a header row, neutralises formulas, and records the export", async () => {
		await makeRoles(["Plain", 'Comma, "quoted"'], '=HYPERLINK("http://evil.test")');
		await makeRoles(["Minus"], "-2+3");
		await makeRoles(["At"], "@SUM(A1)");
		const res = await call(acme.host, "/api/v1/audit-events.csv?action=role.created", { cookie: acme.ownerCookie });
		expect(res.status).toBe(200);
		expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
		expect(res.headers.get("Content-Disposition")).toMatch(
			new RegExp(`attachment; filename="audit-log-${acme.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
		);
		const lines = (await res.text()).trimEnd().split("\r\n");
		expect(lines[0]).toBe("time,action,actor,actor_user_id,target_type,target_id,detail,ip,user_agent,id");
		expect(lines).toHaveLength(5);
		expect(lines[1]).toContain(`"'@SUM(A1)"`);
		expect(lines[2]).toContain(`"'-2+3"`);
		expect(lines[3]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
		// JSON inside a quoted cell: its quotes doubled.
		expect(lines[3]).toContain(`"{""name"":""Comma, \\""quoted\\"""",""permissions"":""""}"`);
		const ownerCell = acme.owner.email.replaceAll(".", "\\.");
		for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[^,]+,role\\.created,${ownerCell},`));
		expect((await auditActions(acme.tenantId, "export.")).map((a) => [a.action, a.actor])).toEqual([["export.created", acme.owner.email]]);
	});

	it("is for audit:read only, names a bad filter, and holds one agency's events", async () => {
		await makeRoles(["Acme role"]);
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		expect((await call(acme.host, "/api/v1/audit-events.csv", { cookie: await logIn(acme.host, `staff@${acme.slug}.test`) })).status).toBe(
			403,
		);
		const bad = await call(acme.host, "/api/v1/audit-events.csv?limit=5", { cookie: acme.ownerCookie });
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["limit"]);
		const other = await (await call(beta.host, "/api/v1/audit-events.csv", { cookie: beta.ownerCookie })).text();
		expect(other).not.toContain(acme.slug);
		expect(other).not.toContain("Acme role");
		expect(other.split("\r\n")[0]).toContain("time,action");
	});
});
