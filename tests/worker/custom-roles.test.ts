/** Custom roles: created, changed and deleted by those who may, never granting more than they have, never across agencies. */
import { beforeEach, describe, expect, it } from "vitest";
import type { CustomRoleView, RoleList } from "../../schema/dto/roles";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { auditActions } from "./team";

let acme: Agency;
let beta: Agency;
let adminCookie: string;
let staffId: string;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
	await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
	staffId = await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
	adminCookie = await logIn(acme.host, `admin@${acme.slug}.test`);
});

async function createRole(body: unknown, cookie = acme.ownerCookie, host = acme.host): Promise<Response> {
	return call(host, "/api/v1/roles", { body, cookie });
}

async function rolesOf(cookie = acme.ownerCookie, host = acme.host): Promise<RoleList> {
	return (await call(host, "/api/v1/roles", { cookie })).json() as Promise<RoleList>;
}

describe("custom roles", () => {
	it("are created, listed with their member count, updated and deleted, each change audited", async () => {
		const created = await createRole({
			name: "Account manager",
			description: "Runs client work",
			permissions: ["clients:read", "clients:write"],
		});
		expect(created.status).toBe(201);
		const role = (await created.json()) as CustomRoleView;
		expect(role).toMatchObject({
			name: "Account manager",
			description: "Runs client work",
			permissions: ["account:read", "account:write", "clients:read", "clients:write"],
			memberCount: 0,
		});
		await call(acme.host, `/api/v1/members/${staffId}`, { method: "PATCH", body: { customRoleId: role.id }, cookie: acme.ownerCookie });
		const list = await rolesOf();
		expect(list.roles.map((r) => [r.name, r.memberCount])).toEqual([["Account manager", 1]]);
		expect(list.builtIn.map((b) => b.role)).toEqual(["owner", "admin", "staff", "client"]);

		const staffCookie = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await call(acme.host, "/api/v1/members", { cookie: staffCookie })).status).toBe(403);
		const updated = await call(acme.host, `/api/v1/roles/${role.id}`, {
			method: "PATCH",
			body: { name: "Account lead", permissions: ["clients:read", "members:read"] },
			cookie: adminCookie,
		});
		expect(updated.status).toBe(200);
		expect(((await updated.json()) as CustomRoleView).memberCount).toBe(1);
		// The holder's very next request has the new permissions.
		expect((await call(acme.host, "/api/v1/members", { cookie: staffCookie })).status).toBe(200);

		const inUse = await call(acme.host, `/api/v1/roles/${role.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(inUse.status).toBe(409);
		await call(acme.host, `/api/v1/members/${staffId}`, { method: "PATCH", body: { customRoleId: null }, cookie: acme.ownerCookie });
		expect((await call(acme.host, `/api/v1/roles/${role.id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(204);
		expect((await rolesOf()).roles).toEqual([]);
		expect((await auditActions(acme.tenantId, "role.")).map((a) => [a.action, a.actor])).toEqual([
			["role.created", acme.owner.email],
			["role.updated", `admin@${acme.slug}.test`],
			["role.deleted", acme.owner.email],
		]);
	});

	it("never grant a permission the creator lacks (422 naming permissions), and are for members:manage only", async () => {
		const res = await createRole({ name: "Billing", permissions: ["billing:manage"] }, adminCookie);
		expect(res.status).toBe(422);
		const problem = await problemOf(res);
		expect(problem.errors).toEqual([{ path: "permissions", message: "includes billing:manage, which you do not have" }]);
		expect((await createRole({ name: "Billing", permissions: ["billing:manage"] })).status).toBe(201);
		const billing = (await rolesOf()).roles[0] as CustomRoleView;
		// An admin may not edit or delete a role that can do more than they can.
		const edit = await call(acme.host, `/api/v1/roles/${billing.id}`, { method: "PATCH", body: { name: "Mine" }, cookie: adminCookie });
		expect(edit.status).toBe(403);
		expect((await call(acme.host, `/api/v1/roles/${billing.id}`, { method: "DELETE", cookie: adminCookie })).status).toBe(403);
		const staffCookie = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await createRole({ name: "Sneaky", permissions: ["clients:read"] }, staffCookie)).status).toBe(403);
		expect((await call(acme.host, "/api/v1/roles", { cookie: staffCookie })).status).toBe(403);
		expect((await rolesOf()).roles.map((r) => r.name)).toEqual(["Billing"]);
	});

	it("never gain through an edit a permission the editor lacks (422 naming permissions), changing nothing", async () => {
		const role = (await (await createRole({ name: "Support", permissions: ["clients:read"] }, adminCookie)).json()) as CustomRoleView;
		const edit = await call(acme.host, `/api/v1/roles/${role.id}`, {
			method: "PATCH",
			body: { permissions: ["clients:read", "billing:manage"] },
			cookie: adminCookie,
		});
		expect(edit.status).toBe(422);
		expect((await problemOf(edit)).errors).toEqual([{ path: "permissions", message: "includes billing:manage, which you do not have" }]);
		expect((await rolesOf()).roles.map((r) => r.permissions)).toEqual([["account:read", "account:write", "clients:read"]]);
	});

	it("name each bad field, refuse a duplicate name, and change nothing", async () => {
		for (const [body, path] of [
			[{ name: "", permissions: [] }, "name"],
			[{ name: "X", permissions: ["root:all"] }, "permissions.0"],
			[{ name: "X", permissions: "clients:read" }, "permissions"],
			[{ name: "X", permissions: [], admin: true }, "admin"],
		] as const) {
			const res = await createRole(body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([path]);
		}
		await createRole({ name: "Editors", permissions: [] });
		const dup = await createRole({ name: "editors", permissions: [] });
		expect(dup.status).toBe(409);
		expect((await problemOf(dup)).errors?.map((e) => e.path)).toEqual(["name"]);
		expect((await rolesOf()).roles.map((r) => r.name)).toEqual(["Editors"]);
	});

	it("of one agency are invisible and untouchable from another", async () => {
		const role = (await (await createRole({ name: "Acme only", permissions: [] })).json()) as CustomRoleView;
		expect((await rolesOf(beta.ownerCookie, beta.host)).roles).toEqual([]);
		const patch = await call(beta.host, `/api/v1/roles/${role.id}`, {
			method: "PATCH",
			body: { name: "Stolen" },
			cookie: beta.ownerCookie,
		});
		expect(patch.status).toBe(404);
		expect((await call(beta.host, `/api/v1/roles/${role.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(404);
		// Nor can beta give one of its members acme's role.
		const assign = await call(beta.host, `/api/v1/members/${beta.owner.id}`, {
			method: "PATCH",
			body: { role: "admin", customRoleId: role.id },
			cookie: beta.ownerCookie,
		});
		expect(assign.status).toBe(422);
		expect((await rolesOf()).roles.map((r) => r.name)).toEqual(["Acme only"]);
	});
});
