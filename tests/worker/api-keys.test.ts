/** API keys: shown once, stored hashed, acting with exactly their scopes on their own agency only, revocable at once, rate-limited. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { ApiKeyList, CreatedApiKey } from "../../schema/dto/api-keys";
import { RATE_RULES } from "../../schema/rate-limits";
import { type Agency, logIn, signUpUniqueAgency } from "../support/agencies";
import { call, freshIp, PLATFORM, problemOf } from "../support/http";
import { addMember } from "./members";
import { auditActions } from "./team";

let acme: Agency;
let beta: Agency;
/** The address the test's machine requests come from (per test: rate limits by IP live in shared storage). */
let machineIp: string;
/** API access is a plan feature (Pro and Agency). */
async function setPlan(agency: Agency, planId: "starter" | "pro"): Promise<void> {
	await env.DB.prepare("UPDATE tenants SET plan_id = ? WHERE id = ?").bind(planId, agency.tenantId).run();
}

beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
	beta = await signUpUniqueAgency("beta");
	machineIp = freshIp();
	await setPlan(acme, "pro");
	await setPlan(beta, "pro");
});

describe("API access on the plan", () => {
	it("is refused to a Starter agency with feature-not-in-plan, and a key stops working after a downgrade", async () => {
		const key = await newKey(["clients:read"]);
		expect((await withKey(key.key, "/api/v1/clients")).status).toBe(200);
		await setPlan(acme, "starter");
		const refused = await createKey({ name: "More", scopes: ["clients:read"] });
		expect(refused.status).toBe(403);
		expect((await problemOf(refused)).type).toMatch(/feature-not-in-plan$/);
		const downgraded = await withKey(key.key, "/api/v1/clients");
		expect(downgraded.status).toBe(403);
		expect((await problemOf(downgraded)).detail).toMatch(/Starter plan does not include API access\. Upgrade to Pro or Agency/);
		expect(await keysOf()).toHaveLength(1);
	});
});

async function createKey(body: unknown, cookie = acme.ownerCookie, host = acme.host): Promise<Response> {
	return call(host, "/api/v1/api-keys", { body, cookie });
}

async function newKey(scopes: string[], name = "CI"): Promise<CreatedApiKey> {
	const res = await createKey({ name, scopes });
	if (res.status !== 201) throw new Error(`key not created: ${res.status} ${await res.text()}`);
	return res.json() as Promise<CreatedApiKey>;
}

/** A machine's request: the key, no cookie, no Origin. */
function withKey(key: string, path: string, options: { method?: string; body?: unknown; host?: string } = {}): Promise<Response> {
	return call(options.host ?? acme.host, path, {
		method: options.method,
		body: options.body,
		sameOrigin: false,
		headers: { Authorization: `Bearer ${key}` },
		ip: machineIp,
	});
}

async function keysOf(cookie = acme.ownerCookie, host = acme.host): Promise<ApiKeyList["apiKeys"]> {
	return ((await (await call(host, "/api/v1/api-keys", { cookie })).json()) as ApiKeyList).apiKeys;
}

describe("creating and listing keys", () => {
	it("shows the key once, stores only its hash, and lists name, prefix, scopes, creator and last use", async () => {
		const res = await createKey({ name: "Zapier", scopes: ["members:read", "clients:read"] });
		expect(res.status).toBe(201);
		const created = (await res.json()) as CreatedApiKey;
		expect(created.key).toMatch(/^atr_[a-z2-7]{8}_[a-z2-7]{32}$/);
		expect(created.key.startsWith(`atr_${created.apiKey.prefix}_`)).toBe(true);
		expect(created.apiKey).toMatchObject({
			name: "Zapier",
			scopes: ["members:read", "clients:read"],
			createdBy: acme.owner.email,
			lastUsedAt: null,
		});
		const secret = created.key.split("_")[2] ?? "";
		const stored = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(created.apiKey.id).first<Record<string, unknown>>();
		expect(stored).not.toBeNull();
		expect(JSON.stringify(stored)).not.toContain(secret);

		expect((await withKey(created.key, "/api/v1/members")).status).toBe(200);
		const [listed] = await keysOf();
		expect(listed).toMatchObject({ prefix: created.apiKey.prefix, lastUsedIp: machineIp });
		const firstUse = listed?.lastUsedAt;
		expect(firstUse).toBeGreaterThan(0);
		// Written at most once a minute: a second use right away leaves it as it was.
		await withKey(created.key, "/api/v1/members");
		expect((await keysOf())[0]?.lastUsedAt).toBe(firstUse);
		expect(JSON.stringify(await keysOf())).not.toContain(secret);
		expect(await auditActions(acme.tenantId, "api_key.")).toEqual([
			{ action: "api_key.created", actor: acme.owner.email, targetId: created.apiKey.id },
		]);
	});

	it("never has scopes beyond the creator's (422 naming scopes), and is for api_keys:manage only", async () => {
		await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		await addMember(acme.tenantId, "staff", `staff@${acme.slug}.test`);
		const admin = await logIn(acme.host, `admin@${acme.slug}.test`);
		const wide = await createKey({ name: "Billing bot", scopes: ["billing:manage", "usage:read"] }, admin);
		expect(wide.status).toBe(422);
		expect((await problemOf(wide)).errors).toEqual([{ path: "scopes", message: "includes billing:manage, which you do not have" }]);
		expect((await createKey({ name: "Usage bot", scopes: ["usage:read"] }, admin)).status).toBe(201);
		const staff = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await createKey({ name: "Mine", scopes: ["clients:read"] }, staff)).status).toBe(403);
		expect((await call(acme.host, "/api/v1/api-keys", { cookie: staff })).status).toBe(403);
		expect((await keysOf()).map((k) => k.name)).toEqual(["Usage bot"]);
	});

	it("names each bad field and creates nothing", async () => {
		for (const [body, path] of [
			[{ name: "", scopes: ["clients:read"] }, "name"],
			[{ name: "K", scopes: [] }, "scopes"],
			[{ name: "K", scopes: ["everything"] }, "scopes.0"],
			[{ name: "K", scopes: ["clients:read"], expiresAt: "tomorrow" }, "expiresAt"],
			[{ name: "K", scopes: ["clients:read"], expiresAt: Date.now() - 1000 }, "expiresAt"],
			[{ name: "K", scopes: ["clients:read"], owner: "me" }, "owner"],
		] as const) {
			const res = await createKey(body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([path]);
		}
		expect(await keysOf()).toEqual([]);
	});
});

describe("using a key", () => {
	it("acts with exactly its scopes: 403 outside them", async () => {
		const { key } = await newKey(["clients:read"]);
		const res = await withKey(key, "/api/v1/members");
		expect(res.status).toBe(403);
		expect((await problemOf(res)).detail).toBe("This API key's scopes do not include members:read.");
	});

	it("writes without an Origin header, as actor api-key:<prefix>, while cookie writes without Origin stay refused", async () => {
		const { key, apiKey } = await newKey(["members:read", "members:manage"]);
		const res = await withKey(key, "/api/v1/roles", { body: { name: "Made by a key", permissions: ["members:read"] } });
		expect(res.status).toBe(201);
		expect((await auditActions(acme.tenantId, "role.")).map((a) => a.actor)).toEqual([`api-key:${apiKey.prefix}`]);
		// A key grants no more than its scopes, even though its creator (the owner) could.
		const wider = await withKey(key, "/api/v1/roles", { body: { name: "Wider", permissions: ["clients:read"] } });
		expect((await problemOf(wider)).errors?.map((e) => e.path)).toEqual(["permissions"]);
		const cookieWrite = await call(acme.host, "/api/v1/roles", {
			body: { name: "CSRF", permissions: [] },
			cookie: acme.ownerCookie,
			sameOrigin: false,
		});
		expect(cookieWrite.status).toBe(403);
		expect((await problemOf(cookieWrite)).type).toContain("cross-origin");
	});

	it("never falls back to the cookie when the key is bad", async () => {
		const res = await call(acme.host, "/api/v1/members", {
			cookie: acme.ownerCookie,
			headers: { Authorization: "Bearer atr_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" },
		});
		expect(res.status).toBe(401);
		expect(res.headers.get("WWW-Authenticate")).toContain("Bearer");
	});

	it("does not work on sign-in and account routes, nor on the platform host", async () => {
		const { key } = await newKey(["account:read", "members:read"]);
		expect((await withKey(key, "/api/v1/me")).status).toBe(401);
		expect((await withKey(key, "/api/v1/auth/logout", { method: "POST" })).status).toBe(401);
		expect((await withKey(key, "/api/v1/host", { host: PLATFORM })).status).toBe(401);
	});

	it("stops at once when revoked or expired, and when its creator leaves", async () => {
		const { key, apiKey } = await newKey(["members:read"]);
		expect((await withKey(key, "/api/v1/members")).status).toBe(200);
		expect((await call(acme.host, `/api/v1/api-keys/${apiKey.id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(204);
		expect((await withKey(key, "/api/v1/members")).status).toBe(401);
		expect(await keysOf()).toEqual([]);
		expect((await call(acme.host, `/api/v1/api-keys/${apiKey.id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(404);

		const expiring = (await (
			await createKey({ name: "Short", scopes: ["members:read"], expiresAt: Date.now() + 60_000 })
		).json()) as CreatedApiKey;
		expect((await withKey(expiring.key, "/api/v1/members")).status).toBe(200);
		await env.DB.prepare("UPDATE api_keys SET expires_at = ? WHERE id = ?")
			.bind(Date.now() - 1, expiring.apiKey.id)
			.run();
		expect((await withKey(expiring.key, "/api/v1/members")).status).toBe(401);

		const adminId = await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		const admin = await logIn(acme.host, `admin@${acme.slug}.test`);
		const adminKey = (await (await createKey({ name: "Admin's", scopes: ["members:read"] }, admin)).json()) as CreatedApiKey;
		expect((await withKey(adminKey.key, "/api/v1/members")).status).toBe(200);
		await call(acme.host, `/api/v1/members/${adminId}`, { method: "DELETE", cookie: acme.ownerCookie });
		expect((await withKey(adminKey.key, "/api/v1/members")).status).toBe(401);
		expect((await auditActions(acme.tenantId, "api_key.")).map((a) => a.action)).toContain("api_key.revoked");
	});

	it("is cut down to its creator's permissions when the creator is demoted", async () => {
		const adminId = await addMember(acme.tenantId, "admin", `admin@${acme.slug}.test`);
		const admin = await logIn(acme.host, `admin@${acme.slug}.test`);
		const created = (await (await createKey({ name: "Team sync", scopes: ["members:manage"] }, admin)).json()) as CreatedApiKey;
		expect((await withKey(created.key, "/api/v1/roles")).status).toBe(200);
		const demote = await call(acme.host, `/api/v1/members/${adminId}`, {
			method: "PATCH",
			body: { role: "staff" },
			cookie: acme.ownerCookie,
		});
		expect(demote.status).toBe(200);
		// Staff lack members:manage, so the key's scope no longer counts.
		const res = await withKey(created.key, "/api/v1/roles");
		expect(res.status).toBe(403);
		expect((await problemOf(res)).detail).toBe("This API key's scopes do not include members:manage.");
	});

	it("is rate-limited per key with 429 and Retry-After", async () => {
		const { key, apiKey } = await newKey(["members:read"]);
		const gate = env.TENANT_GATE.getByName(acme.tenantId);
		// Spend the bucket (as a burst of requests would), then the next requests find it empty.
		for (let i = 0; i < 200 && (await gate.take(`api-key:${apiKey.id}`, RATE_RULES.apiKeyRequests)).allowed; i++);
		let res = await withKey(key, "/api/v1/members");
		for (let i = 0; i < 10 && res.status !== 429; i++) res = await withKey(key, "/api/v1/members");
		expect(res.status).toBe(429);
		expect(Number(res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
		// Another key of the same agency is not slowed down.
		expect((await withKey((await newKey(["members:read"], "Other")).key, "/api/v1/members")).status).toBe(200);
	});
});

describe("across agencies", () => {
	it("a key of one agency never works on another's host, and keys are never listed or revoked there", async () => {
		const { key, apiKey } = await newKey(["members:read"]);
		const res = await withKey(key, "/api/v1/members", { host: beta.host });
		expect(res.status).toBe(401);
		expect(await keysOf(beta.ownerCookie, beta.host)).toEqual([]);
		expect((await call(beta.host, `/api/v1/api-keys/${apiKey.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(404);
		expect((await withKey(key, "/api/v1/members")).status).toBe(200);
	});
});
