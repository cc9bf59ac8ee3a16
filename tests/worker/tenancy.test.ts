/** The tenant is the Host: sub-domains, verified custom domains, unknown hosts, and no crossing between tenants. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { clearIdentityCaches } from "../../worker/lib/identity-cache";
import { type Agency, signUpUniqueAgency } from "../support/agencies";
import { call, PLATFORM, problemOf } from "../support/http";

let acme: Agency;
let beta: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
});

async function addCustomDomain(tenantId: string, hostname: string, verified: boolean): Promise<void> {
	await env.DB.prepare(
		"INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified, is_primary, created_at) VALUES (?, ?, ?, 'custom', ?, 0, ?)",
	)
		.bind(crypto.randomUUID(), tenantId, hostname, verified ? 1 : 0, Date.now())
		.run();
}

describe("tenant resolution", () => {
	it("tells the PWA which host it is on", async () => {
		expect(await (await call(PLATFORM, "/api/v1/host")).json()).toEqual({ kind: "platform" });
		expect(await (await call(acme.host, "/api/v1/host")).json()).toEqual({
			kind: "tenant",
			tenant: { id: acme.tenantId, slug: acme.slug, name: `Agency ${acme.slug}` },
			// A new agency's theme is the default one (issue #17): Atrium's blue and amber, system font, rounded corners, light.
			brand: {
				primaryColor: "#1f4ed8",
				accentColor: "#f59e0b",
				font: "system",
				cornerStyle: "rounded",
				defaultAppearance: "light",
				logoUrl: null,
				faviconUrl: null,
				icon192Url: null,
				icon512Url: null,
				iconMaskableUrl: null,
			},
		});
	});

	it("answers 404 problem+json on an unknown sub-domain and on an unknown custom domain", async () => {
		for (const host of ["nobody.localhost", "portal.unknown-agency.test", "a.b.localhost"]) {
			const res = await call(host, "/api/v1/host");
			expect(res.status, host).toBe(404);
			expect((await problemOf(res)).detail).toBe("No agency is served at this address.");
		}
	});

	it("serves a tenant on its verified custom domain, but not on an unverified one", async () => {
		await addCustomDomain(acme.tenantId, `portal.${acme.slug}-agency.test`, true);
		await addCustomDomain(beta.tenantId, `portal.${beta.slug}-agency.test`, false);
		const verified = await call(`portal.${acme.slug}-agency.test`, "/api/v1/host");
		expect(await verified.json()).toMatchObject({ kind: "tenant", tenant: { slug: acme.slug } });
		expect((await call(`portal.${beta.slug}-agency.test`, "/api/v1/host")).status).toBe(404);
	});

	it("stops serving a suspended tenant once the host cache has expired", async () => {
		expect((await call(acme.host, "/api/v1/host")).status).toBe(200);
		await env.DB.prepare("UPDATE tenants SET status = 'suspended' WHERE id = ?").bind(acme.tenantId).run();
		clearIdentityCaches(); // what HOST_CACHE_TTL_MS (30 s) does on its own
		expect((await call(acme.host, "/api/v1/host")).status).toBe(404);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(404);
	});

	it("answers an unknown host's page with a 404 page, never an app shell", async () => {
		const res = await call("nobody.localhost", "/dashboard");
		expect(res.status).toBe(404);
		expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
		expect(await res.text()).toContain("No agency at this address");
	});
});

describe("cross-tenant isolation", () => {
	it("does not accept tenant A's session on tenant B's host", async () => {
		const res = await call(beta.host, "/api/v1/me", { cookie: acme.ownerCookie });
		expect(res.status).toBe(401);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
	});

	it("does not accept tenant A's session on tenant B's custom domain", async () => {
		await addCustomDomain(beta.tenantId, `portal.${beta.slug}-agency.test`, true);
		const res = await call(`portal.${beta.slug}-agency.test`, "/api/v1/me", { cookie: acme.ownerCookie });
		expect(res.status).toBe(401);
	});

	it("does not let tenant A sign out tenant B's session", async () => {
		await call(acme.host, "/api/v1/auth/logout", { method: "POST", cookie: beta.ownerCookie });
		expect((await call(beta.host, "/api/v1/me", { cookie: beta.ownerCookie })).status).toBe(200);
	});

	it("gives no tenant API on the platform host", async () => {
		expect((await call(PLATFORM, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(401);
		const login = await call(PLATFORM, "/api/v1/auth/login", { body: { email: acme.owner.email, password: acme.password } });
		expect(login.status).toBe(404);
	});
});
