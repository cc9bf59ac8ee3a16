/**
 * CRM contacts: create (caller-made ids, replays), list with full-text search, filters and cursor
 * pages, edit, delete, duplicates on normalised email/phone and merge; who may do what in which
 * workspace (agency, client X, client Y, read vs manage) and across agencies; audit entries.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../worker/lib/ids";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { type ContactRow, contact, get, post, setCrmAccess } from "./crm-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Page = { contacts: ContactRow[]; nextCursor: string | null };

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("crm-contacts"));
});

const names = (page: Page) => page.contacts.map((c) => `${c.firstName} ${c.lastName}`.trim());

async function auditActions(tenantId: string): Promise<string[]> {
	const { results } = await env.DB.prepare(
		"SELECT action FROM audit_events WHERE tenant_id = ? AND action LIKE 'crm.%' ORDER BY created_at, id",
	)
		.bind(tenantId)
		.all<{ action: string }>();
	return results.map((r) => r.action);
}

describe("contacts for staff", () => {
	it("creates, finds by full-text search and filters, pages newest first, edits and deletes, audited", async () => {
		const x = acme.clientX.id;
		const ada = await contact(acme, x, {
			firstName: "Ada",
			lastName: "Lovelace",
			email: "Ada@Example.com",
			tags: ["vip"],
			lifecycleStage: "customer",
		});
		await contact(acme, x, {
			firstName: "Grace",
			lastName: "Hopper",
			phone: "+1 555 0100",
			title: "Rear Admiral",
			ownerUserId: acme.staffId,
		});
		await contact(acme, "agency", { firstName: "Alan", lastName: "Turing", email: "alan@bletchley.example" });
		expect(ada).toMatchObject({ workspace: x, email: "Ada@Example.com", tags: ["vip"], lifecycleStage: "customer" });

		expect(names(await get<Page>(acme, "/api/v1/crm/contacts"))).toEqual(["Alan Turing", "Grace Hopper", "Ada Lovelace"]);
		expect(names(await get<Page>(acme, `/api/v1/crm/contacts?workspace=${x}`))).toEqual(["Grace Hopper", "Ada Lovelace"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?workspace=agency"))).toEqual(["Alan Turing"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?q=lovel"))).toEqual(["Ada Lovelace"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?q=admiral"))).toEqual(["Grace Hopper"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?q=example%20ada"))).toEqual(["Ada Lovelace"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?tag=vip"))).toEqual(["Ada Lovelace"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?stage=customer"))).toEqual(["Ada Lovelace"]);
		expect(names(await get<Page>(acme, `/api/v1/crm/contacts?owner=${acme.staffId}`))).toEqual(["Grace Hopper"]);

		const first = await get<Page>(acme, "/api/v1/crm/contacts?limit=2");
		const second = await get<Page>(acme, `/api/v1/crm/contacts?limit=2&cursor=${first.nextCursor}`);
		expect([...names(first), ...names(second)]).toEqual(["Alan Turing", "Grace Hopper", "Ada Lovelace"]);
		expect(second.nextCursor).toBeNull();

		const edited = await json<ContactRow>(
			call(acme.host, `/api/v1/crm/contacts/${ada.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { lastName: "King", tags: ["vip", "board"] },
			}),
		);
		expect(edited).toMatchObject({ lastName: "King", tags: ["vip", "board"] });
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?q=king"))).toEqual(["Ada King"]);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts?q=lovelace"))).toEqual([]);

		expect((await call(acme.host, `/api/v1/crm/contacts/${ada.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(204);
		expect((await call(acme.host, `/api/v1/crm/contacts/${ada.id}`, { cookie: acme.staffCookie })).status).toBe(404);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts"))).toEqual(["Alan Turing", "Grace Hopper"]);
		expect(await auditActions(acme.tenantId)).toEqual([
			"crm.contact_created",
			"crm.contact_created",
			"crm.contact_created",
			"crm.contact_updated",
			"crm.contact_deleted",
		]);
	});

	it("answers a replayed create with the first result, and a taken id with 409", async () => {
		const id = newId();
		const body = { id, workspace: "agency", firstName: "Ada", email: "ada@example.com" };
		const made = await post<ContactRow>(acme, "/api/v1/crm/contacts", body, 201);
		const again = await post<ContactRow>(acme, "/api/v1/crm/contacts", body, 200);
		expect(again.id).toBe(made.id);
		const clash = await call(acme.host, "/api/v1/crm/contacts", { cookie: acme.staffCookie, body: { ...body, firstName: "Grace" } });
		expect(clash.status).toBe(409);
		expect((await get<Page>(acme, "/api/v1/crm/contacts")).contacts).toHaveLength(1);
		expect(await auditActions(acme.tenantId)).toEqual(["crm.contact_created"]);
	});

	it("refuses bad input naming the field, and writes nothing", async () => {
		const other = await portalAgency(uniqueSlug("crm-contacts-other"));
		for (const [body, field] of [
			[{ workspace: "agency" }, "firstName"],
			[{ workspace: "nowhere", firstName: "A" }, "workspace"],
			[{ workspace: other.clientX.id, firstName: "A" }, "workspace"],
			[{ workspace: "agency", firstName: "A", email: "not-an-email" }, "email"],
			[{ workspace: "agency", firstName: "A", phone: "call me" }, "phone"],
			[{ workspace: "agency", firstName: "A", lifecycleStage: "hot" }, "lifecycleStage"],
			[{ workspace: "agency", firstName: "A", ownerUserId: other.staffId }, "ownerUserId"],
			[{ workspace: "agency", firstName: "A", colour: "red" }, "colour"],
		] as const) {
			const res = await call(acme.host, "/api/v1/crm/contacts", { cookie: acme.staffCookie, body });
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path, JSON.stringify(body)).toBe(field);
		}
		expect((await get<Page>(acme, "/api/v1/crm/contacts")).contacts).toEqual([]);
	});
});

describe("duplicates and merge", () => {
	it("finds duplicates on normalised email or phone within the workspace, and merges keeping every value", async () => {
		const x = acme.clientX.id;
		const company = await post<{ id: string }>(acme, "/api/v1/crm/companies", { workspace: x, name: "Analytical Engines" });
		const keep = await contact(acme, x, { firstName: "Ada", email: "ada@example.com", tags: ["vip"] });
		const dupe = await contact(acme, x, {
			firstName: "Augusta",
			lastName: "King",
			email: "  ADA@example.com ",
			phone: "+44 20 7946 0000",
			title: "Countess",
			companyId: company.id,
			tags: ["newsletter"],
		});
		const byPhone = await contact(acme, x, { firstName: "A.", phone: "+44 (20) 7946-0000" });
		await contact(acme, acme.clientY.id, { firstName: "Ada elsewhere", email: "ada@example.com" });

		const found = await get<{ duplicates: ContactRow[] }>(acme, `/api/v1/crm/contacts/${keep.id}/duplicates`);
		expect(found.duplicates.map((d) => d.id)).toEqual([dupe.id]);
		const viaPhone = await get<{ duplicates: ContactRow[] }>(acme, `/api/v1/crm/contacts/${dupe.id}/duplicates`);
		expect(viaPhone.duplicates.map((d) => d.id).sort()).toEqual([keep.id, byPhone.id].sort());

		const merged = await post<ContactRow>(
			acme,
			`/api/v1/crm/contacts/${keep.id}/merge`,
			{ sourceId: dupe.id, preferSource: ["lastName"] },
			200,
		);
		expect(merged).toMatchObject({
			id: keep.id,
			firstName: "Ada",
			lastName: "King",
			email: "ada@example.com",
			phone: "+44 20 7946 0000",
			title: "Countess",
			companyId: company.id,
			tags: ["vip", "newsletter"],
		});
		expect((await call(acme.host, `/api/v1/crm/contacts/${dupe.id}`, { cookie: acme.staffCookie })).status).toBe(404);
		const tomb = await env.DB.prepare("SELECT merged_into_id, deleted_at, first_name FROM crm_contacts WHERE id = ? AND tenant_id = ?")
			.bind(dupe.id, acme.tenantId)
			.first<{ merged_into_id: string; deleted_at: number | null; first_name: string }>();
		expect(tomb).toMatchObject({ merged_into_id: keep.id, first_name: "Augusta" });
		expect(tomb?.deleted_at).not.toBeNull();
		expect(await auditActions(acme.tenantId)).toContain("crm.contacts_merged");
	});

	it("refuses to merge across workspaces, a contact into itself, or an unknown preferred field", async () => {
		const a = await contact(acme, acme.clientX.id, { firstName: "A", email: "a@example.com" });
		const b = await contact(acme, acme.clientY.id, { firstName: "B", email: "a@example.com" });
		const c = await contact(acme, acme.clientX.id, { firstName: "C", email: "a@example.com" });
		for (const [id, body, field] of [
			[a.id, { sourceId: b.id }, "sourceId"],
			[a.id, { sourceId: a.id }, "sourceId"],
			[a.id, { sourceId: c.id, preferSource: ["tenantId"] }, "preferSource"],
		] as const) {
			const res = await call(acme.host, `/api/v1/crm/contacts/${id}/merge`, { cookie: acme.staffCookie, body });
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
		expect((await get<Page>(acme, "/api/v1/crm/contacts")).contacts).toHaveLength(3);
	});
});

describe("custom field values", () => {
	it("checks each type on write with 422 naming customFields.<key>, and stores good values", async () => {
		const x = acme.clientX.id;
		const types = [
			["notes", "text", []],
			["seats", "number", []],
			["renewal", "date", []],
			["tier", "choice", ["gold", "silver"]],
			["channels", "multi_choice", ["email", "phone"]],
			["site", "url", []],
			["billing_email", "email", []],
			["mobile", "phone", []],
			["budget", "currency", []],
		] as const;
		for (const [key, type, options] of types) {
			await post(acme, "/api/v1/crm/fields", { workspace: x, recordKind: "contact", key, label: key, type, options });
		}
		const good = {
			notes: "Met at the fair",
			seats: 12,
			renewal: "2027-02-28",
			tier: "gold",
			channels: ["email"],
			site: "https://example.com",
			billing_email: "billing@example.com",
			mobile: "+1 555 0100",
			budget: { amount: 150000, currency: "eur" },
		};
		const made = await contact(acme, x, { firstName: "Ada", customFields: good });
		expect(made.customFields).toEqual({ ...good, budget: { amount: 150000, currency: "EUR" } });

		for (const [key, bad] of [
			["notes", 5],
			["seats", "twelve"],
			["renewal", "2027-02-30"],
			["tier", "bronze"],
			["channels", ["fax"]],
			["site", "javascript:alert(1)"],
			["billing_email", "billing"],
			["mobile", "no"],
			["budget", { amount: 1.5, currency: "EUR" }],
			["budget", { amount: 100, currency: "XXY" }],
			["unknown_key", "x"],
		] as const) {
			const res = await call(acme.host, `/api/v1/crm/contacts/${made.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { firstName: "Changed", customFields: { [key]: bad } },
			});
			expect(res.status, key).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(`customFields.${key}`);
		}
		const after = await get<ContactRow>(acme, `/api/v1/crm/contacts/${made.id}`);
		expect(after.firstName).toBe("Ada");
		expect(after.customFields).toEqual(made.customFields);
		// A field of client X's workspace is no field of client Y's.
		const res = await call(acme.host, "/api/v1/crm/contacts", {
			cookie: acme.staffCookie,
			body: { workspace: acme.clientY.id, firstName: "B", customFields: { seats: 3 } },
		});
		expect((await problemOf(res)).errors?.[0]?.path).toBe("customFields.seats");
		// A duplicate key in the same workspace is a conflict; a cleared value is removed.
		const dup = await call(acme.host, "/api/v1/crm/fields", {
			cookie: acme.staffCookie,
			body: { workspace: x, recordKind: "contact", key: "seats", label: "Seats", type: "number" },
		});
		expect(dup.status).toBe(409);
		const cleared = await json<ContactRow>(
			call(acme.host, `/api/v1/crm/contacts/${made.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { customFields: { seats: null } },
			}),
		);
		expect(cleared.customFields).not.toHaveProperty("seats");
	});
});

describe("who may see and change contacts", () => {
	it("gives a client's person their own workspace only, read or manage as the agency set", async () => {
		const x = acme.clientX.id;
		const own = await contact(acme, x, { firstName: "Own" });
		const theirs = await contact(acme, acme.clientY.id, { firstName: "Other client" });
		const agencys = await contact(acme, "agency", { firstName: "Agency" });
		const cookie = acme.xUser.cookie;

		expect((await get<Page>(acme, "/api/v1/crm/contacts", cookie)).contacts).toEqual([]);
		expect((await call(acme.host, `/api/v1/crm/contacts/${own.id}`, { cookie })).status).toBe(404);

		await setCrmAccess(acme, x, "read");
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts", cookie))).toEqual(["Own"]);
		expect((await call(acme.host, "/api/v1/crm/contacts?workspace=agency", { cookie })).status).toBe(404);
		for (const id of [theirs.id, agencys.id]) {
			expect((await call(acme.host, `/api/v1/crm/contacts/${id}`, { cookie })).status).toBe(404);
		}
		const refused = await call(acme.host, `/api/v1/crm/contacts/${own.id}`, { method: "PATCH", cookie, body: { firstName: "Changed" } });
		expect(refused.status).toBe(403);
		expect((await call(acme.host, "/api/v1/crm/contacts", { cookie, body: { workspace: x, firstName: "New" } })).status).toBe(403);

		await setCrmAccess(acme, x, "manage");
		await contact(acme, x, { firstName: "Made by client" }, cookie);
		expect((await call(acme.host, "/api/v1/crm/contacts", { cookie, body: { workspace: acme.clientY.id, firstName: "N" } })).status).toBe(
			404,
		);
		expect((await call(acme.host, "/api/v1/crm/contacts", { cookie, body: { workspace: "agency", firstName: "N" } })).status).toBe(404);
		for (const path of [`/api/v1/crm/contacts/${theirs.id}`, `/api/v1/crm/contacts/${agencys.id}`]) {
			expect((await call(acme.host, path, { method: "PATCH", cookie, body: { firstName: "Hacked" } })).status).toBe(404);
			expect((await call(acme.host, path, { method: "DELETE", cookie })).status).toBe(404);
		}
		expect((await call(acme.host, `/api/v1/crm/contacts/${own.id}/merge`, { cookie, body: { sourceId: theirs.id } })).status).toBe(404);
		expect(names(await get<Page>(acme, "/api/v1/crm/contacts", cookie))).toEqual(["Made by client", "Own"]);
		// Client Y's person still sees nothing.
		expect((await get<Page>(acme, "/api/v1/crm/contacts", acme.yUser.cookie)).contacts).toEqual([]);
	});

	it("never lets another agency reach a contact by id", async () => {
		const mine = await contact(acme, acme.clientX.id, { firstName: "Mine", email: "mine@example.com" });
		const rival = await portalAgency(uniqueSlug("crm-contacts-rival"));
		const theirs = await contact(rival, "agency", { firstName: "Theirs", email: "mine@example.com" });
		const cookie = rival.staffCookie;
		for (const [method, path, body] of [
			["GET", `/api/v1/crm/contacts/${mine.id}`, undefined],
			["PATCH", `/api/v1/crm/contacts/${mine.id}`, { firstName: "Hacked" }],
			["DELETE", `/api/v1/crm/contacts/${mine.id}`, undefined],
			["GET", `/api/v1/crm/contacts/${mine.id}/duplicates`, undefined],
			["POST", `/api/v1/crm/contacts/${theirs.id}/merge`, { sourceId: mine.id }],
		] as const) {
			expect((await call(rival.host, path, { method, cookie, body })).status, `${method} ${path}`).toBe(404);
		}
		expect(names(await get<Page>(rival, "/api/v1/crm/contacts?q=mine"))).toEqual(["Theirs"]);
		expect((await get<ContactRow>(acme, `/api/v1/crm/contacts/${mine.id}`)).firstName).toBe("Mine");
		const id = newId();
		await post(acme, "/api/v1/crm/contacts", { id, workspace: "agency", firstName: "Taken" });
		expect((await call(rival.host, "/api/v1/crm/contacts", { cookie, body: { id, workspace: "agency", firstName: "Taken" } })).status).toBe(
			409,
		);
	});
});
