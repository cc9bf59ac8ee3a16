/** Agency sign-up on the platform host and the one-time hand-off to the tenant host. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { SignupResponse } from "../../schema/dto/auth";
import { passwordCostFor } from "../../worker/lib/passwords";
import { PASSWORD, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, hostOf, PLATFORM, problemOf, sessionCookie } from "../support/http";

/** This test's own slug and a valid sign-up for it (the tests of the file share storage). */
let slug: string;
let valid: { agencyName: string; slug: string; name: string; email: string; password: string };
beforeEach(() => {
	slug = uniqueSlug("acme");
	valid = { agencyName: "Acme Studio", slug, name: "Ann Owner", email: `ann@${slug}.test`, password: PASSWORD };
});

/** Rows of a whole table; compared before and after within one test (the file's tests run one at a time). */
async function count(table: string): Promise<number> {
	const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>();
	return row?.n ?? 0;
}

describe("POST /api/v1/auth/signup", () => {
	it("creates the tenant, its sub-domain and owner, and answers 201 with the tenant URL and a hand-off link", async () => {
		const res = await call(PLATFORM, "/api/v1/auth/signup", { body: valid, ip: freshIp() });
		expect(res.status).toBe(201);
		const body = (await res.json()) as SignupResponse;
		expect(body.tenant).toMatchObject({ slug, name: "Acme Studio" });
		expect(body.url).toBe(`http://${slug}.localhost/`);
		expect(res.headers.get("Location")).toBe(`http://${slug}.localhost/`);
		expect(body.handoffUrl).toMatch(new RegExp(`^http://${slug}\\.localhost/welcome#handoff=[a-z2-7]{32}$`));
		expect(sessionCookie(res)).toBeNull();

		const domain = await env.DB.prepare("SELECT hostname, kind, verified FROM tenant_domains WHERE tenant_id = ?")
			.bind(body.tenant.id)
			.first();
		expect(domain).toEqual({ hostname: `${slug}.localhost`, kind: "subdomain", verified: 1 });
		const owner = await env.DB.prepare(
			"SELECT u.email, u.password_hash, m.role FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.tenant_id = ?",
		)
			.bind(body.tenant.id)
			.first<{ email: string; password_hash: string; role: string }>();
		expect(owner?.role).toBe("owner");
		// Argon2id at the cost this Worker is configured for (the test-run cost here; unit tests pin the standard one).
		const { m, t, p } = passwordCostFor(env);
		expect(owner?.password_hash?.startsWith(`argon2id$${m}$${t}$${p}$`)).toBe(true);
		expect(owner?.password_hash).not.toContain(PASSWORD);
	});

	it("hands the owner over to the tenant host signed in, once", async () => {
		const res = await call(PLATFORM, "/api/v1/auth/signup", { body: valid, ip: freshIp() });
		const { handoffUrl, tenant } = (await res.json()) as SignupResponse;
		const token = new URL(handoffUrl).hash.slice("#handoff=".length);

		const first = await call(hostOf(slug), "/api/v1/auth/handoff", { body: { token }, ip: freshIp() });
		expect(first.status).toBe(200);
		expect(await first.json()).toMatchObject({
			user: { email: `ann@${slug}.test`, name: "Ann Owner" },
			tenant: { slug },
			role: "owner",
		});
		const cookie = sessionCookie(first);
		expect(cookie).not.toBeNull();
		const me = await call(hostOf(slug), "/api/v1/me", { cookie: cookie ?? "" });
		expect(me.status).toBe(200);

		const again = await call(hostOf(slug), "/api/v1/auth/handoff", { body: { token }, ip: freshIp() });
		expect(again.status).toBe(401);
		expect((await problemOf(again)).errors).toEqual([{ path: "token", message: "is expired, used or unknown" }]);
		const events = await env.DB.prepare("SELECT method, outcome FROM sign_in_events WHERE tenant_id = ? ORDER BY created_at")
			.bind(tenant.id)
			.all();
		expect(events.results).toEqual([
			{ method: "handoff", outcome: "success" },
			{ method: "handoff", outcome: "invalid_token" },
		]);
	});

	it("refuses a hand-off token on another tenant's host", async () => {
		const other = await signUpAgency(uniqueSlug("other"));
		const res = await call(PLATFORM, "/api/v1/auth/signup", { body: valid, ip: freshIp() });
		const token = new URL(((await res.json()) as SignupResponse).handoffUrl).hash.slice("#handoff=".length);
		const stolen = await call(other.host, "/api/v1/auth/handoff", { body: { token }, ip: freshIp() });
		expect(stolen.status).toBe(401);
		const stillGood = await call(hostOf(slug), "/api/v1/auth/handoff", { body: { token }, ip: freshIp() });
		expect(stillGood.status).toBe(200);
	});

	it("refuses an expired hand-off token", async () => {
		const res = await call(PLATFORM, "/api/v1/auth/signup", { body: valid, ip: freshIp() });
		const signup = (await res.json()) as SignupResponse;
		const token = new URL(signup.handoffUrl).hash.slice("#handoff=".length);
		await env.DB.prepare("UPDATE handoff_tokens SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, signup.tenant.id)
			.run();
		const late = await call(hostOf(slug), "/api/v1/auth/handoff", { body: { token }, ip: freshIp() });
		expect(late.status).toBe(401);
		expect(sessionCookie(late)).toBeNull();
	});

	it("answers 409 naming the slug when it is taken, and creates nothing", async () => {
		await signUpAgency(slug);
		const tenantsBefore = await count("tenants");
		const usersBefore = await count("users");
		const res = await call(PLATFORM, "/api/v1/auth/signup", { body: { ...valid, email: `someone@else-${slug}.test` }, ip: freshIp() });
		expect(res.status).toBe(409);
		expect((await problemOf(res)).errors).toEqual([{ path: "slug", message: "is already taken" }]);
		expect(await count("tenants")).toBe(tenantsBefore);
		expect(await count("users")).toBe(usersBefore);
	});

	it("normalises the slug and rejects reserved or malformed ones by name", async () => {
		const before = await count("tenants");
		const mixed = uniqueSlug("mixed-case");
		const upper = await call(PLATFORM, "/api/v1/auth/signup", {
			body: { ...valid, slug: `  Mixed-Case${mixed.slice("mixed-case".length)} ` },
			ip: freshIp(),
		});
		expect(upper.status).toBe(201);
		expect(((await upper.json()) as SignupResponse).tenant.slug).toBe(mixed);
		for (const slug of ["www", "ab", "-lead", "trail-", "has.dot", "under_score", "x".repeat(33)]) {
			const res = await call(PLATFORM, "/api/v1/auth/signup", { body: { ...valid, slug }, ip: freshIp() });
			expect(res.status, slug).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["slug"]);
		}
		expect(await count("tenants")).toBe(before + 1);
	});

	it("refuses slugs kept for the platform (operator, login, auth, admin, api, www, mail, punycode) with 422 naming the slug", async () => {
		const before = await count("tenants");
		for (const slug of ["operator", "login", "auth", "admin", "api", "www", "mail", "billing", "xn--80ak6aa92e", "XN--Mnchen-3ya"]) {
			const res = await call(PLATFORM, "/api/v1/auth/signup", { body: { ...valid, slug }, ip: freshIp() });
			expect(res.status, slug).toBe(422);
			expect((await problemOf(res)).errors, slug).toEqual([{ path: "slug", message: "is reserved" }]);
		}
		expect(await count("tenants")).toBe(before);
		const near = await call(PLATFORM, "/api/v1/auth/signup", { body: { ...valid, slug: uniqueSlug("operators-guild") }, ip: freshIp() });
		expect(near.status).toBe(201);
	});

	it("only exists on the platform host", async () => {
		await signUpAgency(slug);
		const before = await count("tenants");
		const res = await call(hostOf(slug), "/api/v1/auth/signup", { body: { ...valid, slug: uniqueSlug("second") }, ip: freshIp() });
		expect(res.status).toBe(404);
		expect(await count("tenants")).toBe(before);
	});

	it("rate-limits sign-ups per IP with 429 and Retry-After", async () => {
		const ip = freshIp();
		const before = await count("tenants");
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) {
			const res = await call(PLATFORM, "/api/v1/auth/signup", { body: { ...valid, slug: uniqueSlug(`agency-${i}`) }, ip });
			statuses.push(res.status);
			if (res.status === 429) {
				expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
				expect((await problemOf(res)).status).toBe(429);
			}
		}
		expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
		expect(await count("tenants")).toBe(before + 5);
	});
});
