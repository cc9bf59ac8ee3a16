/** The team API: members listed, roles changed, members removed, within the privilege rules and never across agencies. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { MemberList, MemberView } from "../../schema/dto/members";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { auditActions, membershipOf } from "./team";

let acme: Agency;
let beta: Agency;
let adminId: string;
let staffId: string;
let adminCookie: string;
let staffCookie: string;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
	adminId = await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
	staffId = await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
	adminCookie = await logIn(acme.host, `admin@${acme.slug}.test`);
	staffCookie = await logIn(acme.host, `staff@${acme.slug}.test`);
});

async function permissionsOf(cookie: string, host = acme.host): Promise<string[] | number> {
	const res = await call(host, "/api/v1/me", { cookie });
	return res.status === 200 ? ((await res.json()) as { permissions: string[] }).permissions : res.status;
}

describe("GET /api/v1/members", () => {
	it("lists every member with name, email, role, custom role and joined time, to anyone with members:read", async () => {
		for (const cookie of [acme.ownerCookie, staffCookie]) {
			const res = await call(acme.host, "/api/v1/members", { cookie });
			expect(res.status).toBe(200);
			const { members } = (await res.json()) as MemberList;
			expect(members.map((m) => [m.email, m.role, m.customRole])).toEqual([
				[`owner@${acme.slug}.test`, "owner", null],
				[`admin@${acme.slug}.test`, "admin", null],
				[`staff@${acme.slug}.test`, "staff", null],
			]);
			expect(members[0]?.joinedAt).toBeGreaterThan(0);
			expect(members[1]?.permissions).toContain("members:manage");
		}
	});

	it("is refused to clients (403) and visitors (401), and shows only this agency's members", async () => {
		await addMember(acme.tenantId, "client", `client@${acme.slug}.test`);
		expect((await call(acme.host, "/api/v1/members", { cookie: await logIn(acme.host, `client@${acme.slug}.test`) })).status).toBe(403);
		expect((await call(acme.host, "/api/v1/members")).status).toBe(401);
		const other = (await (await call(beta.host, "/api/v1/members", { cookie: beta.ownerCookie })).json()) as MemberList;
		expect(other.members.map((m) => m.email)).toEqual([`owner@${beta.slug}.test`]);
		expect((await call(beta.host, "/api/v1/members", { cookie: acme.ownerCookie })).status).toBe(401);
	});
});

describe("PATCH /api/v1/members/:userId", () => {
	it("changes a role, and the member's very next request has the new permissions", async () => {
		expect(await permissionsOf(staffCookie)).not.toContain("members:manage");
		const res = await call(acme.host, `/api/v1/members/${staffId}`, { method: "PATCH", body: { role: "admin" }, cookie: acme.ownerCookie });
		expect(res.status).toBe(200);
		expect(((await res.json()) as MemberView).role).toBe("admin");
		expect(await permissionsOf(staffCookie)).toContain("members:manage");
		expect(await auditActions(acme.tenantId, "member.")).toEqual([
			{ action: "member.role_changed", actor: `owner@${acme.slug}.test`, targetId: staffId },
		]);
	});

	it("lets only an owner make or unmake an owner", async () => {
		const promote = await call(acme.host, `/api/v1/members/${staffId}`, { method: "PATCH", body: { role: "owner" }, cookie: adminCookie });
		expect(promote.status).toBe(403);
		expect((await problemOf(promote)).detail).toMatch(/Only an owner/);
		const demote = await call(acme.host, `/api/v1/members/${acme.owner.id}`, {
			method: "PATCH",
			body: { role: "staff" },
			cookie: adminCookie,
		});
		expect(demote.status).toBe(403);
		expect(await membershipOf(acme.tenantId, acme.owner.id)).toMatchObject({ role: "owner" });
		const byOwner = await call(acme.host, `/api/v1/members/${adminId}`, {
			method: "PATCH",
			body: { role: "owner" },
			cookie: acme.ownerCookie,
		});
		expect(byOwner.status).toBe(200);
	});

	it("refuses staff (403) and never grants through a custom role more than the actor has", async () => {
		const staff = await call(acme.host, `/api/v1/members/${adminId}`, { method: "PATCH", body: { role: "staff" }, cookie: staffCookie });
		expect(staff.status).toBe(403);
		const created = await call(acme.host, "/api/v1/roles", {
			body: { name: "Bookkeeper", permissions: ["billing:manage", "usage:read"] },
			cookie: acme.ownerCookie,
		});
		const role = (await created.json()) as { id: string };
		const byAdmin = await call(acme.host, `/api/v1/members/${staffId}`, {
			method: "PATCH",
			body: { customRoleId: role.id },
			cookie: adminCookie,
		});
		expect(byAdmin.status).toBe(403);
		expect((await problemOf(byAdmin)).detail).toContain("billing:manage");
		expect(await membershipOf(acme.tenantId, staffId)).toEqual({ role: "staff", custom_role_id: null });
		const byOwner = await call(acme.host, `/api/v1/members/${staffId}`, {
			method: "PATCH",
			body: { customRoleId: role.id },
			cookie: acme.ownerCookie,
		});
		expect(((await byOwner.json()) as MemberView).customRole).toEqual({ id: role.id, name: "Bookkeeper" });
		expect(await permissionsOf(staffCookie)).toEqual(["account:read", "account:write", "billing:manage", "usage:read"]);
		// Now the staff member can do something the admin cannot: the admin may not touch them.
		const touch = await call(acme.host, `/api/v1/members/${staffId}`, { method: "DELETE", cookie: adminCookie });
		expect(touch.status).toBe(403);
	});

	it("never demotes the last owner (409), but does once there is another", async () => {
		const self = await call(acme.host, `/api/v1/members/${acme.owner.id}`, {
			method: "PATCH",
			body: { role: "admin" },
			cookie: acme.ownerCookie,
		});
		expect(self.status).toBe(409);
		expect((await problemOf(self)).type).toContain("last-owner");
		await call(acme.host, `/api/v1/members/${adminId}`, { method: "PATCH", body: { role: "owner" }, cookie: acme.ownerCookie });
		const again = await call(acme.host, `/api/v1/members/${acme.owner.id}`, {
			method: "PATCH",
			body: { role: "admin" },
			cookie: acme.ownerCookie,
		});
		expect(again.status).toBe(200);
	});

	it("names a bad field and changes nothing", async () => {
		for (const [body, path] of [
			[{ role: "god" }, "role"],
			[{ role: "admin", colour: "red" }, "colour"],
			[{}, "body"],
			[{ customRoleId: "not-an-id" }, "customRoleId"],
			[{ customRoleId: "019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a7b" }, "customRoleId"],
		] as const) {
			const res = await call(acme.host, `/api/v1/members/${staffId}`, { method: "PATCH", body, cookie: acme.ownerCookie });
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([path]);
		}
		const badId = await call(acme.host, "/api/v1/members/42", { method: "PATCH", body: { role: "admin" }, cookie: acme.ownerCookie });
		expect((await problemOf(badId)).errors?.map((e) => e.path)).toEqual(["userId"]);
		expect(await membershipOf(acme.tenantId, staffId)).toEqual({ role: "staff", custom_role_id: null });
	});

	it("cannot reach another agency's member", async () => {
		const res = await call(beta.host, `/api/v1/members/${staffId}`, { method: "PATCH", body: { role: "admin" }, cookie: beta.ownerCookie });
		expect(res.status).toBe(404);
		expect((await call(beta.host, `/api/v1/members/${staffId}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(404);
		expect(await membershipOf(acme.tenantId, staffId)).toEqual({ role: "staff", custom_role_id: null });
	});
});

describe("DELETE /api/v1/members/:userId", () => {
	it("removes a member whose very next request is 401, and deletes their sessions", async () => {
		expect(await permissionsOf(staffCookie)).toContain("clients:read");
		const res = await call(acme.host, `/api/v1/members/${staffId}`, { method: "DELETE", cookie: adminCookie });
		expect(res.status).toBe(204);
		expect(await permissionsOf(staffCookie)).toBe(401);
		const sessions = await env.DB.prepare("SELECT count(*) AS n FROM sessions WHERE user_id = ?").bind(staffId).first<{ n: number }>();
		expect(sessions?.n).toBe(0);
		const login = await call(acme.host, "/api/v1/auth/login", {
			body: { email: `staff@${acme.slug}.test`, password: "correct horse battery" },
		});
		expect(login.status).toBe(401);
		expect(await auditActions(acme.tenantId, "member.")).toEqual([
			{ action: "member.removed", actor: `admin@${acme.slug}.test`, targetId: staffId },
		]);
	});

	it("never removes the last owner", async () => {
		const res = await call(acme.host, `/api/v1/members/${acme.owner.id}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect(res.status).toBe(409);
		expect(await permissionsOf(acme.ownerCookie)).toContain("billing:manage");
	});

	it("is refused to staff, and 404 for someone who is not a member", async () => {
		expect((await call(acme.host, `/api/v1/members/${adminId}`, { method: "DELETE", cookie: staffCookie })).status).toBe(403);
		const unknown = await call(acme.host, "/api/v1/members/019a1b2c-3d4e-7f00-8a1b-2c3d4e5f6a7b", {
			method: "DELETE",
			cookie: acme.ownerCookie,
		});
		expect(unknown.status).toBe(404);
	});
});
