/**
 * Quick search (GET /api/v1/search, the command palette): what each person finds — only their own
 * agency's rows, a client's person only their own company's projects and threads, clients only with
 * clients:read — ranked prefix first; bad input named; the limit kept; the query tenant-first.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { SearchAnswer } from "../../schema/dto/search";
import { logIn, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { openThread } from "./messaging-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Result = z.infer<typeof SearchAnswer>["results"][number];

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

async function search(a: PortalAgency, cookie: string, query: string): Promise<Result[]> {
	return (await json<z.infer<typeof SearchAnswer>>(call(a.host, `/api/v1/search?${query}`, { cookie }))).results;
}

function project(a: PortalAgency, clientId: string, name: string) {
	return json<{ id: string }>(call(a.host, "/api/v1/projects", { cookie: a.staffCookie, body: { clientId, name } }), 201);
}

const titles = (results: Result[]) => results.map((r) => `${r.kind}:${r.title}`);

describe("quick search", () => {
	it("finds clients, projects and threads by any part of the name, any case, prefix matches first, each with its address", async () => {
		const site = await project(acme, acme.clientX.id, "Xylo website");
		const thread = await openThread(acme, acme.clientX.id, { subject: "Invoices for XYLO" });
		const results = await search(acme, acme.staffCookie, "q=xYl");
		expect(titles(results)).toEqual(["client:Xylo Foods", "project:Xylo website", "thread:Invoices for XYLO"]);
		expect(results).toEqual([
			{
				kind: "client",
				id: acme.clientX.id,
				title: "Xylo Foods",
				subtitle: "Client · premium · active",
				path: `/clients/${acme.clientX.id}`,
			},
			{ kind: "project", id: site.id, title: "Xylo website", subtitle: "Project · Xylo Foods", path: `/projects/${site.id}` },
			{
				kind: "thread",
				id: thread.id,
				title: "Invoices for XYLO",
				subtitle: "Conversation · Xylo Foods",
				path: `/messages/${thread.id}`,
			},
		]);
		// Only A–Z fold, as the database compares (schema/collation.ts): "É" does not match "é".
		await json(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name: "Émile & Co" } }), 201);
		expect(titles(await search(acme, acme.staffCookie, "q=%C3%89mile"))).toEqual(["client:Émile & Co"]);
		expect(await search(acme, acme.staffCookie, "q=%C3%A9mile")).toEqual([]);
	});

	it("never returns another agency's rows (cross-tenant)", async () => {
		const beta = await portalAgency(uniqueSlug("beta"));
		await project(acme, acme.clientX.id, "Xylo website");
		await openThread(acme, acme.clientX.id, { subject: "Xylo launch" });
		// Beta has clients of the same names (the fixture's), so it finds only its own.
		const found = await search(beta, beta.staffCookie, "q=xylo");
		expect(titles(found)).toEqual(["client:Xylo Foods"]);
		expect(found[0]?.id).toBe(beta.clientX.id);
		expect(await search(beta, beta.staffCookie, "q=website")).toEqual([]);
		expect(await search(beta, beta.xUser.cookie, "q=launch")).toEqual([]);
	});

	it("shows a client's person only their own company's projects and threads, and no clients (cross-client)", async () => {
		const mine = await project(acme, acme.clientX.id, "Relaunch X");
		const theirs = await project(acme, acme.clientY.id, "Relaunch Y");
		await openThread(acme, acme.clientX.id, { subject: "Relaunch notes X" });
		await openThread(acme, acme.clientY.id, { subject: "Relaunch notes Y" });
		expect(titles(await search(acme, acme.staffCookie, "q=relaunch"))).toEqual([
			"project:Relaunch X",
			"project:Relaunch Y",
			"thread:Relaunch notes X",
			"thread:Relaunch notes Y",
		]);
		const x = await search(acme, acme.xUser.cookie, "q=relaunch");
		expect(titles(x)).toEqual(["project:Relaunch X", "thread:Relaunch notes X"]);
		expect(x[0]?.path).toBe(`/projects/${mine.id}`);
		expect(titles(await search(acme, acme.yUser.cookie, "q=relaunch"))).toEqual(["project:Relaunch Y", "thread:Relaunch notes Y"]);
		expect((await search(acme, acme.yUser.cookie, "q=Y")).map((r) => r.id)).not.toContain(acme.clientY.id);
		expect((await search(acme, acme.xUser.cookie, "q=relaunch")).map((r) => r.id)).not.toContain(theirs.id);
	});

	it("gives a staff role without clients:read no clients, and without projects:read no projects", async () => {
		await project(acme, acme.clientX.id, "Xylo website");
		const role = await json<{ id: string }>(
			call(acme.host, "/api/v1/roles", {
				cookie: acme.ownerCookie,
				body: { name: "Messages only", permissions: ["messages:read"] },
			}),
			201,
		);
		await json(
			call(acme.host, `/api/v1/members/${acme.staffId}`, { method: "PATCH", cookie: acme.ownerCookie, body: { customRoleId: role.id } }),
		);
		const cookie = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect(await search(acme, cookie, "q=xylo")).toEqual([]);
		// The owner (every permission) finds both.
		expect(titles(await search(acme, acme.ownerCookie, "q=xylo"))).toEqual(["client:Xylo Foods", "project:Xylo website"]);
	});

	it("names the bad parameter (422 problem) and asks for a session", async () => {
		for (const [query, path] of [
			["", "q"],
			["q=%20%20", "q"],
			[`q=${"a".repeat(101)}`, "q"],
			["q=xy&limit=0", "limit"],
			["q=xy&limit=51", "limit"],
			["q=xy&limit=two", "limit"],
			["q=xy&sort=name", "sort"],
		] as const) {
			const res = await call(acme.host, `/api/v1/search?${query}`, { cookie: acme.staffCookie });
			expect(res.status, query).toBe(422);
			expect(res.headers.get("content-type")).toContain("application/problem+json");
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([path]);
		}
		expect((await call(acme.host, "/api/v1/search?q=xy")).status).toBe(401);
	});

	it("answers at most `limit` results, the prefix matches first", async () => {
		for (const name of ["Alpha Xylo", "Xylo Beta", "Gamma Xylo"]) {
			await json(call(acme.host, "/api/v1/clients", { cookie: acme.staffCookie, body: { name } }), 201);
		}
		expect(titles(await search(acme, acme.staffCookie, "q=xylo&limit=2"))).toEqual(["client:Xylo Beta", "client:Xylo Foods"]);
		expect(titles(await search(acme, acme.staffCookie, "q=xylo"))).toEqual([
			"client:Xylo Beta",
			"client:Xylo Foods",
			"client:Alpha Xylo",
			"client:Gamma Xylo",
		]);
	});

	it("reads only the agency's rows through a tenant-first index (1,000 clients stay fast)", async () => {
		const plan = await env.DB.prepare(
			"EXPLAIN QUERY PLAN SELECT id, name FROM clients WHERE tenant_id = ? AND deleted_at IS NULL AND instr(lower(name), lower(?)) > 0 ORDER BY instr(lower(name), lower(?)) <> 1, lower(name), id LIMIT 20",
		)
			.bind(acme.tenantId, "xy", "xy")
			.all<{ detail: string }>();
		const details = plan.results.map((r) => r.detail).join("\n");
		expect(details).toMatch(/SEARCH clients USING (COVERING )?INDEX clients_tenant_\w+ \(tenant_id=\?/);
		expect(details).not.toMatch(/SCAN clients/);
	});
});
