/**
 * CRM workspaces: who may read or manage which workspace (the agency's own and each client's), the
 * list conditions every CRM list uses, and the per-client `crm_access` staff set on a client
 * (PATCH /clients/{id}, audited, field-named 422, never by a client's person or across agencies).
 */
import { env } from "cloudflare:workers";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Permission, ROLE_PERMISSIONS } from "../../schema/permissions";
import { createDb, type TenantScope, tenantScope } from "../../worker/lib/db";
import { Problem } from "../../worker/lib/problem";
import {
	assertWorkspace,
	assertWorkspaceUsable,
	type WorkspaceAccess,
	workspaceAccessFor,
	workspaceLevel,
	workspaceListCondition,
} from "../../worker/services/crm/workspace-access";
import { logIn, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

/** A stand-in for a CRM table (tenant, nullable workspace), so the list conditions run as real SQL. */
const probe = sqliteTable("crm_workspace_probe", {
	id: text("id").primaryKey(),
	tenantId: text("tenant_id").notNull(),
	clientId: text("client_id"),
});

let acme: PortalAgency;
let scope: TenantScope;

const without = (role: keyof typeof ROLE_PERMISSIONS, ...dropped: Permission[]): ReadonlySet<Permission> =>
	new Set([...ROLE_PERMISSIONS[role]].filter((p) => !dropped.includes(p)));

function accessOf(userId: string, permissions: ReadonlySet<Permission>): Promise<WorkspaceAccess> {
	return workspaceAccessFor(scope, { user: { id: userId }, permissions });
}

/** The probe rows (one per workspace: agency, X, Y) a list with `access` shows, optionally narrowed to one workspace. */
async function listed(access: WorkspaceAccess, chosen?: { clientId: string | null }): Promise<string[]> {
	const rows = await scope.db
		.select({ id: probe.id })
		.from(probe)
		.where(scope.where(probe, workspaceListCondition(access, probe.clientId, chosen)))
		.orderBy(probe.id);
	return rows.map((r) => r.id);
}

function setCrmAccess(clientId: string, crmAccess: string, cookie = acme.staffCookie) {
	return call(acme.host, `/api/v1/clients/${clientId}`, { method: "PATCH", cookie, body: { crmAccess } });
}

function statusOf(fn: () => unknown): number | "ok" {
	try {
		fn();
		return "ok";
	} catch (error) {
		if (error instanceof Problem) return error.status;
		throw error;
	}
}

beforeAll(async () => {
	await env.DB.exec("CREATE TABLE IF NOT EXISTS crm_workspace_probe (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, client_id TEXT)");
});

beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("crm-ws"));
	scope = tenantScope(createDb(env.DB), acme.tenantId);
	await scope.db.insert(probe).values([
		{ id: `${acme.slug}-1-agency`, tenantId: acme.tenantId, clientId: null },
		{ id: `${acme.slug}-2-x`, tenantId: acme.tenantId, clientId: acme.clientX.id },
		{ id: `${acme.slug}-3-y`, tenantId: acme.tenantId, clientId: acme.clientY.id },
	]);
});

describe("the agency side", () => {
	it("with leads:read and leads:write manages every workspace, the agency's own included", async () => {
		const access = await accessOf(acme.staffId, ROLE_PERMISSIONS.staff);
		expect([null, acme.clientX.id, acme.clientY.id].map((id) => workspaceLevel(access, id))).toEqual(["manage", "manage", "manage"]);
		expect(await listed(access)).toEqual([`${acme.slug}-1-agency`, `${acme.slug}-2-x`, `${acme.slug}-3-y`]);
		expect(await listed(access, { clientId: null })).toEqual([`${acme.slug}-1-agency`]);
		expect(await listed(access, { clientId: acme.clientY.id })).toEqual([`${acme.slug}-3-y`]);
		expect(statusOf(() => assertWorkspace(access, null, "manage"))).toBe("ok");
	});

	it("with leads:read only reads every workspace and may change none (403)", async () => {
		const access = await accessOf(acme.staffId, without("staff", "leads:write"));
		expect([null, acme.clientX.id].map((id) => workspaceLevel(access, id))).toEqual(["read", "read"]);
		expect(await listed(access)).toHaveLength(3);
		expect(statusOf(() => assertWorkspace(access, null, "read"))).toBe("ok");
		expect(statusOf(() => assertWorkspace(access, null, "manage"))).toBe(403);
		expect(statusOf(() => assertWorkspace(access, acme.clientX.id, "manage"))).toBe(403);
	});

	it("without leads:read sees no workspace at all (404), even holding leads:write", async () => {
		const access = await accessOf(acme.staffId, without("staff", "leads:read"));
		expect([null, acme.clientX.id].map((id) => workspaceLevel(access, id))).toEqual(["none", "none"]);
		expect(await listed(access)).toEqual([]);
		expect(await listed(access, { clientId: null })).toEqual([]);
		expect(statusOf(() => assertWorkspace(access, null, "read"))).toBe(404);
		expect(statusOf(() => assertWorkspace(access, acme.clientX.id, "manage"))).toBe(404);
	});

	it("names a workspace that is no live client of the agency as a 422 on the field", async () => {
		const access = await accessOf(acme.staffId, ROLE_PERMISSIONS.staff);
		await expect(assertWorkspaceUsable(scope, access, null, "manage")).resolves.toBeUndefined();
		await expect(assertWorkspaceUsable(scope, access, acme.clientX.id, "manage")).resolves.toBeUndefined();
		const other = await portalAgency(uniqueSlug("crm-ws-other"));
		const refused = await assertWorkspaceUsable(scope, access, other.clientX.id, "manage", "workspace").catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(Problem);
		expect(refused).toMatchObject({ status: 422, errors: [{ path: "workspace" }] });
	});
});

describe("a client's person", () => {
	it("sees nothing while the client's crm_access is none (the default)", async () => {
		const access = await accessOf(acme.xUser.id, ROLE_PERMISSIONS.client);
		expect(access).toEqual({ kind: "client", clientId: acme.clientX.id, level: "none" });
		expect(await listed(access)).toEqual([]);
		expect(statusOf(() => assertWorkspace(access, acme.clientX.id, "read"))).toBe(404);
	});

	it("with read access reads only their own client's workspace, never the agency's or another client's", async () => {
		await json(setCrmAccess(acme.clientX.id, "read"));
		const access = await accessOf(acme.xUser.id, ROLE_PERMISSIONS.client);
		expect([acme.clientX.id, acme.clientY.id, null].map((id) => workspaceLevel(access, id))).toEqual(["read", "none", "none"]);
		expect(await listed(access)).toEqual([`${acme.slug}-2-x`]);
		expect(await listed(access, { clientId: null })).toEqual([]);
		expect(await listed(access, { clientId: acme.clientY.id })).toEqual([]);
		expect(statusOf(() => assertWorkspace(access, acme.clientX.id, "read"))).toBe("ok");
		expect(statusOf(() => assertWorkspace(access, acme.clientX.id, "manage"))).toBe(403);
		expect(statusOf(() => assertWorkspace(access, acme.clientY.id, "read"))).toBe(404);
		await expect(assertWorkspaceUsable(scope, access, acme.clientY.id, "read")).rejects.toMatchObject({ status: 404 });
		// Client Y's person is unaffected by client X's setting.
		expect(await listed(await accessOf(acme.yUser.id, ROLE_PERMISSIONS.client))).toEqual([]);
	});

	it("with manage access changes their own workspace only", async () => {
		await json(setCrmAccess(acme.clientX.id, "manage"));
		const access = await accessOf(acme.xUser.id, ROLE_PERMISSIONS.client);
		expect(statusOf(() => assertWorkspace(access, acme.clientX.id, "manage"))).toBe("ok");
		expect(statusOf(() => assertWorkspace(access, null, "manage"))).toBe(404);
		expect(statusOf(() => assertWorkspace(access, acme.clientY.id, "manage"))).toBe(404);
	});

	it("linked to no client sees nothing", async () => {
		const loose = await addMember(acme.tenantId, "client", `loose@${acme.slug}.test`);
		const access = await accessOf(loose, ROLE_PERMISSIONS.client);
		expect(access).toEqual({ kind: "client", clientId: null, level: "none" });
		expect(await listed(access)).toEqual([]);
	});
});

describe("PATCH /api/v1/clients/{id} crmAccess", () => {
	async function auditRows(tenantId = acme.tenantId) {
		const { results } = await env.DB.prepare(
			"SELECT target_id, detail FROM audit_events WHERE tenant_id = ? AND action = 'client.crm_access_changed' ORDER BY created_at, id",
		)
			.bind(tenantId)
			.all<{ target_id: string; detail: string }>();
		return results.map((r) => ({ target: r.target_id, detail: JSON.parse(r.detail) as unknown }));
	}

	it("is none on a new client, set by staff, shown to the client's person, and audited once per change", async () => {
		expect(acme.clientX.crmAccess).toBe("none");
		expect((await json<{ crmAccess: string }>(setCrmAccess(acme.clientX.id, "read"))).crmAccess).toBe("read");
		await json(setCrmAccess(acme.clientX.id, "read"));
		await json(setCrmAccess(acme.clientX.id, "manage"));
		const seen = await json<{ crmAccess: string }>(call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.xUser.cookie }));
		expect(seen.crmAccess).toBe("manage");
		expect(await auditRows()).toEqual([
			{ target: acme.clientX.id, detail: { from: "none", to: "read" } },
			{ target: acme.clientX.id, detail: { from: "read", to: "manage" } },
		]);
	});

	it("refuses an unknown level naming the field, and changes nothing", async () => {
		const res = await setCrmAccess(acme.clientX.id, "admin");
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("crmAccess");
		const after = await json<{ crmAccess: string }>(call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.staffCookie }));
		expect(after.crmAccess).toBe("none");
		expect(await auditRows()).toEqual([]);
	});

	it("cannot be set by a client's person (403), for another client, or across agencies (404)", async () => {
		expect((await setCrmAccess(acme.clientX.id, "manage", acme.xUser.cookie)).status).toBe(403);
		const other = await signUpUniqueAgency("crm-ws-rival");
		await addMember(other.tenantId, "staff", `staff@${other.slug}.test`);
		const rivalCookie = await logIn(other.host, `staff@${other.slug}.test`);
		const cross = await call(other.host, `/api/v1/clients/${acme.clientX.id}`, {
			method: "PATCH",
			cookie: rivalCookie,
			body: { crmAccess: "manage" },
		});
		expect(cross.status).toBe(404);
		const after = await json<{ crmAccess: string }>(call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.staffCookie }));
		expect(after.crmAccess).toBe("none");
		expect(await auditRows()).toEqual([]);
	});
});
