/**
 * CRM companies, saved views and the workspace list: company CRUD with search, duplicates on the
 * normalised domain, a merge that moves the duplicate's contacts, deleting a company keeps its
 * contacts; saved views shared per workspace; who may do what, across clients and agencies.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { type CompanyRow, type ContactRow, contact, get, post, setCrmAccess } from "./crm-fixtures";
import { type PortalAgency, portalAgency } from "./portal-fixtures";

type CompanyPage = { companies: CompanyRow[]; nextCursor: string | null };
type ViewRow = { id: string; name: string; filters: Record<string, string>; workspace: string };

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("crm-companies"));
});

describe("companies", () => {
	it("creates, searches, finds duplicates by domain and merges, moving the duplicate's contacts", async () => {
		const x = acme.clientX.id;
		const keep = await post<CompanyRow>(acme, "/api/v1/crm/companies", {
			workspace: x,
			name: "Analytical Engines",
			domain: "engines.example",
		});
		const dupe = await post<CompanyRow>(acme, "/api/v1/crm/companies", {
			workspace: x,
			name: "Analytical Engines Ltd",
			domain: "https://www.Engines.example/about",
			phone: "+44 20 7946 0001",
			tags: ["partner"],
		});
		await post(acme, "/api/v1/crm/companies", { workspace: acme.clientY.id, name: "Same domain, other client", domain: "engines.example" });
		const person = await contact(acme, x, { firstName: "Ada", companyId: dupe.id });

		const found = await get<CompanyPage>(acme, `/api/v1/crm/companies?workspace=${x}&q=engines`);
		expect(found.companies.map((c) => c.name)).toEqual(["Analytical Engines Ltd", "Analytical Engines"]);
		const dupes = await get<{ duplicates: CompanyRow[] }>(acme, `/api/v1/crm/companies/${keep.id}/duplicates`);
		expect(dupes.duplicates.map((d) => d.id)).toEqual([dupe.id]);

		const merged = await post<CompanyRow & { phone: string }>(acme, `/api/v1/crm/companies/${keep.id}/merge`, { sourceId: dupe.id }, 200);
		expect(merged).toMatchObject({ name: "Analytical Engines", domain: "engines.example", phone: "+44 20 7946 0001", tags: ["partner"] });
		expect((await get<ContactRow>(acme, `/api/v1/crm/contacts/${person.id}`)).companyId).toBe(keep.id);
		expect((await call(acme.host, `/api/v1/crm/companies/${dupe.id}`, { cookie: acme.staffCookie })).status).toBe(404);

		expect((await call(acme.host, `/api/v1/crm/companies/${keep.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(204);
		expect((await get<ContactRow>(acme, `/api/v1/crm/contacts/${person.id}`)).companyId).toBeNull();
	});

	it("links a contact only to a company of the same workspace, and names bad fields", async () => {
		const other = await post<CompanyRow>(acme, "/api/v1/crm/companies", { workspace: acme.clientY.id, name: "Yonder" });
		const res = await call(acme.host, "/api/v1/crm/contacts", {
			cookie: acme.staffCookie,
			body: { workspace: acme.clientX.id, firstName: "A", companyId: other.id },
		});
		expect((await problemOf(res)).errors?.[0]?.path).toBe("companyId");
		for (const [body, field] of [
			[{ workspace: "agency", name: "" }, "name"],
			[{ workspace: "agency", name: "A", domain: "not a domain" }, "domain"],
		] as const) {
			const bad = await call(acme.host, "/api/v1/crm/companies", { cookie: acme.staffCookie, body });
			expect(bad.status).toBe(422);
			expect((await problemOf(bad)).errors?.[0]?.path).toBe(field);
		}
	});

	it("keeps a client's person to their own workspace, read-only unless managed, and another agency out", async () => {
		const own = await post<CompanyRow>(acme, "/api/v1/crm/companies", { workspace: acme.clientX.id, name: "Own Co" });
		const theirs = await post<CompanyRow>(acme, "/api/v1/crm/companies", { workspace: acme.clientY.id, name: "Their Co" });
		const cookie = acme.xUser.cookie;
		await setCrmAccess(acme, acme.clientX.id, "read");
		expect((await get<CompanyPage>(acme, "/api/v1/crm/companies", cookie)).companies.map((c) => c.name)).toEqual(["Own Co"]);
		expect((await call(acme.host, `/api/v1/crm/companies/${theirs.id}`, { cookie })).status).toBe(404);
		expect((await call(acme.host, `/api/v1/crm/companies/${own.id}`, { method: "PATCH", cookie, body: { name: "X" } })).status).toBe(403);

		const rival = await portalAgency(uniqueSlug("crm-companies-rival"));
		for (const [method, path, body] of [
			["GET", `/api/v1/crm/companies/${own.id}`, undefined],
			["PATCH", `/api/v1/crm/companies/${own.id}`, { name: "Hacked" }],
			["DELETE", `/api/v1/crm/companies/${own.id}`, undefined],
			["GET", `/api/v1/crm/companies/${own.id}/duplicates`, undefined],
		] as const) {
			expect((await call(rival.host, path, { method, cookie: rival.staffCookie, body })).status, `${method} ${path}`).toBe(404);
		}
		expect((await get<CompanyPage>(rival, "/api/v1/crm/companies")).companies).toEqual([]);
	});
});

describe("saved views and workspaces", () => {
	it("saves a filtered view shared within its workspace only, and lists the workspaces a caller may open", async () => {
		const x = acme.clientX.id;
		const view = await post<ViewRow>(acme, "/api/v1/crm/views", {
			workspace: x,
			recordKind: "contact",
			name: "VIP customers",
			filters: { tag: "vip", stage: "customer" },
		});
		expect(view.filters).toEqual({ tag: "vip", stage: "customer" });
		expect((await get<{ views: ViewRow[] }>(acme, `/api/v1/crm/views?workspace=${x}`)).views.map((v) => v.name)).toEqual(["VIP customers"]);
		expect((await get<{ views: ViewRow[] }>(acme, `/api/v1/crm/views?workspace=${acme.clientY.id}`)).views).toEqual([]);
		const bad = await call(acme.host, "/api/v1/crm/views", {
			cookie: acme.staffCookie,
			body: { workspace: x, recordKind: "contact", name: "Bad", filters: { stage: "hot" } },
		});
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("filters.stage");

		const cookie = acme.xUser.cookie;
		expect((await call(acme.host, `/api/v1/crm/views?workspace=${x}`, { cookie })).status).toBe(404);
		expect((await get<{ workspaces: unknown[] }>(acme, "/api/v1/crm/workspaces", cookie)).workspaces).toEqual([]);
		await setCrmAccess(acme, x, "read");
		expect((await get<{ views: ViewRow[] }>(acme, `/api/v1/crm/views?workspace=${x}`, cookie)).views).toHaveLength(1);
		expect((await call(acme.host, `/api/v1/crm/views/${view.id}`, { method: "DELETE", cookie })).status).toBe(403);
		expect((await get<{ workspaces: unknown[] }>(acme, "/api/v1/crm/workspaces", cookie)).workspaces).toEqual([
			{ key: x, name: "Xylo Foods", access: "read" },
		]);
		const staffSees = await get<{ workspaces: { key: string; access: string }[] }>(acme, "/api/v1/crm/workspaces");
		expect(staffSees.workspaces.map((w) => [w.key, w.access])).toEqual([
			["agency", "manage"],
			[x, "manage"],
			[acme.clientY.id, "manage"],
		]);

		const rival = await portalAgency(uniqueSlug("crm-views-rival"));
		expect((await call(rival.host, `/api/v1/crm/views/${view.id}`, { method: "DELETE", cookie: rival.staffCookie })).status).toBe(404);
		expect((await call(rival.host, `/api/v1/crm/views?workspace=${x}`, { cookie: rival.staffCookie })).status).toBe(422);
		expect((await call(acme.host, `/api/v1/crm/views/${view.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(204);
		expect((await get<{ views: ViewRow[] }>(acme, `/api/v1/crm/views?workspace=${x}`)).views).toEqual([]);
	});
});
