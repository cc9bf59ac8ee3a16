/** Roles and permissions: each built-in role signs in with its own identity, and routes check permissions through one helper. */

import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleCan } from "../../schema/permissions";
import type { AppEnv } from "../../worker/env";
import { Problem, problemResponse } from "../../worker/lib/problem";
import { requirePermission } from "../../worker/middleware/require-permission";
import { logIn, signUpUniqueAgency } from "../support/agencies";
import { call } from "../support/http";
import { addMember } from "./members";

describe("built-in roles", () => {
	it("signs in an admin, a staff member and a client, each with their role", async () => {
		const acme = await signUpUniqueAgency("acme");
		for (const role of ["admin", "staff", "client"] as const) {
			await addMember(acme.tenantId, role, `${role}@${acme.slug}.test`);
			const cookie = await logIn(acme.host, `${role}@${acme.slug}.test`);
			const me = await call(acme.host, "/api/v1/me", { cookie });
			const body = (await me.json()) as { role: string; permissions: string[] };
			expect(body).toMatchObject({ user: { email: `${role}@${acme.slug}.test` }, role });
			expect(body.permissions).toEqual(PERMISSIONS.filter((p) => roleCan(role, p)));
		}
	});

	it("grants clients only portal permissions and the owner everything", () => {
		expect(roleCan("client", "projects:read")).toBe(true);
		expect(roleCan("client", "clients:read")).toBe(false);
		expect(roleCan("client", "members:manage")).toBe(false);
		expect(roleCan("staff", "members:manage")).toBe(false);
		expect(roleCan("admin", "billing:manage")).toBe(false);
		for (const permission of PERMISSIONS) expect(roleCan("owner", permission), permission).toBe(true);
		for (const role of ROLES) expect(roleCan(role, "account:read"), role).toBe(true);
	});
});

describe("requirePermission", () => {
	const app = new Hono<AppEnv>();
	app.onError((error) => (error instanceof Problem ? problemResponse(error) : new Response("unexpected", { status: 500 })));
	app.use("*", async (c, next) => {
		const role = c.req.header("X-Test-Role");
		c.set(
			"auth",
			role
				? {
						via: "session",
						sessionId: "s",
						tenantId: "t",
						user: { id: "u", email: "e", name: "n" },
						role: role as (typeof ROLES)[number],
						customRoleId: null,
						permissions: ROLE_PERMISSIONS[role as (typeof ROLES)[number]],
						emailVerified: true,
						mfaEnabled: false,
						hasPasskey: false,
					}
				: null,
		);
		return next();
	});
	app.get("/members", requirePermission("members:manage"), (c) => c.text("ok"));

	it("answers 401 to nobody, 403 to a role without the permission, and lets a role with it through", async () => {
		expect((await app.request("/members", {}, env)).status).toBe(401);
		const staff = await app.request("/members", { headers: { "X-Test-Role": "staff" } }, env);
		expect(staff.status).toBe(403);
		expect(((await staff.json()) as { detail: string }).detail).toBe("Your role (staff) does not have members:manage.");
		expect((await app.request("/members", { headers: { "X-Test-Role": "admin" } }, env)).status).toBe(200);
	});
});
