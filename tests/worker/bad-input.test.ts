/**
 * Bad input on every route: each gets a problem+json naming what is wrong, never a 5xx, and
 * changes nothing in the database.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { type Agency, PASSWORD, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, PLATFORM, problemOf } from "../support/http";

let acme: Agency;
beforeEach(async () => {
	acme = await signUpUniqueAgency("acme");
});

/**
 * Row counts of the tables a sign-up, sign-in or hand-off writes. Compared before and after one
 * request of the same test, so the rows other tests of the file left in the shared storage cancel out.
 */
async function snapshot(): Promise<string> {
	const tables = ["tenants", "tenant_domains", "users", "memberships", "sessions", "handoff_tokens"];
	const counts = await Promise.all(tables.map((t) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`).first<{ n: number }>()));
	return tables.map((t, i) => `${t}=${counts[i]?.n}`).join(",");
}

/** A sign-up that would succeed, under a slug no other test uses. */
function signupBodyOf() {
	const slug = uniqueSlug("zeta");
	return { agencyName: "Zeta", slug, name: "Zed", email: `zed@${slug}.test`, password: PASSWORD };
}

type Case = {
	name: string;
	host: string;
	path: string;
	body?: unknown;
	rawBody?: string;
	headers?: Record<string, string>;
	status: number;
	paths?: string[];
};

/** The cases, aimed at `agency` (its host and owner); without one (for the test names only), at placeholders. */
const cases = (agency?: Agency): Case[] => {
	const agencyHost = agency?.host ?? "agency";
	const ownerEmail = agency?.owner.email ?? "owner@agency.test";
	const signupBody = signupBodyOf();
	return [
		{
			name: "signup: malformed JSON",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			rawBody: '{"slug": ',
			headers: { "Content-Type": "application/json" },
			status: 400,
			paths: ["body"],
		},
		{
			name: "signup: not JSON at all",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			rawBody: "slug=zeta",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			status: 415,
			paths: ["Content-Type"],
		},
		{
			name: "signup: empty object",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			body: {},
			status: 422,
			paths: ["agencyName", "slug", "name", "email", "password"],
		},
		{
			name: "signup: wrong types",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			body: { ...signupBody, slug: 42, password: ["x"] },
			status: 422,
			paths: ["slug", "password"],
		},
		{
			name: "signup: extra field",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			body: { ...signupBody, role: "owner" },
			status: 422,
			paths: ["role"],
		},
		{
			name: "signup: bad email and short password",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			body: { ...signupBody, email: "not-an-email", password: "short" },
			status: 422,
			paths: ["email", "password"],
		},
		{ name: "signup: JSON array", host: PLATFORM, path: "/api/v1/auth/signup", body: [signupBody], status: 422, paths: ["body"] },
		{
			name: "signup: JSON null",
			host: PLATFORM,
			path: "/api/v1/auth/signup",
			rawBody: "null",
			headers: { "Content-Type": "application/json" },
			status: 422,
			paths: ["body"],
		},
		{
			name: "login: missing password",
			host: agencyHost,
			path: "/api/v1/auth/login",
			body: { email: ownerEmail },
			status: 422,
			paths: ["password"],
		},
		{
			name: "login: extra field",
			host: agencyHost,
			path: "/api/v1/auth/login",
			body: { email: ownerEmail, password: PASSWORD, remember: true },
			status: 422,
			paths: ["remember"],
		},
		{
			name: "login: malformed JSON",
			host: agencyHost,
			path: "/api/v1/auth/login",
			rawBody: "{",
			headers: { "Content-Type": "application/json" },
			status: 400,
			paths: ["body"],
		},
		{
			name: "login: huge password",
			host: agencyHost,
			path: "/api/v1/auth/login",
			body: { email: ownerEmail, password: "x".repeat(5000) },
			status: 422,
			paths: ["password"],
		},
		{
			name: "handoff: token of wrong type",
			host: agencyHost,
			path: "/api/v1/auth/handoff",
			body: { token: 123 },
			status: 422,
			paths: ["token"],
		},
		{ name: "handoff: missing token", host: agencyHost, path: "/api/v1/auth/handoff", body: {}, status: 422, paths: ["token"] },
	];
};

describe("bad input", () => {
	for (const [index, named] of cases().entries()) {
		it(`${named.name} → ${named.status} naming ${named.paths?.join(", ")}`, async () => {
			const testCase = cases(acme)[index] as Case;
			const before = await snapshot();
			const res = await call(testCase.host, testCase.path, {
				method: "POST",
				body: testCase.body,
				rawBody: testCase.rawBody,
				headers: testCase.headers,
				ip: freshIp(),
			});
			expect(res.status).toBe(testCase.status);
			const problem = await problemOf(res);
			expect(problem.status).toBe(testCase.status);
			expect(problem.type).toMatch(/^https:\/\/atrium\.dev\/problems\//);
			if (testCase.paths) expect(problem.errors?.map((e) => e.path)).toEqual(testCase.paths);
			expect(await snapshot()).toBe(before);
		});
	}

	it("refuses a body over 1 MiB with 413 before reading it", async () => {
		const before = await snapshot();
		const res = await call(PLATFORM, "/api/v1/auth/signup", {
			body: { ...signupBodyOf(), agencyName: "x".repeat(1_100_000) },
			ip: freshIp(),
		});
		expect(res.status).toBe(413);
		expect((await problemOf(res)).title).toBe("The request body is too large");
		expect(await snapshot()).toBe(before);
	});

	it("answers an unknown API path with a 404 problem", async () => {
		const res = await call(acme.host, "/api/v1/nothing-here");
		expect(res.status).toBe(404);
		expect((await problemOf(res)).type).toBe("https://atrium.dev/problems/not-found");
	});

	it("answers a wrong method on a known path with a problem, not a 5xx", async () => {
		const res = await call(acme.host, "/api/v1/me", { method: "DELETE", cookie: acme.ownerCookie });
		expect(res.status).toBe(404);
		await problemOf(res);
	});

	it("never exposes internals in a problem", async () => {
		const res = await call(PLATFORM, "/api/v1/auth/signup", { rawBody: "{", headers: { "Content-Type": "application/json" } });
		const text = await res.text();
		expect(text).not.toMatch(/at .*\.ts:\d+|stack|SQLITE/i);
	});
});

describe("cross-site request forgery", () => {
	it("refuses a signed-in write from another origin with 403 and keeps the session", async () => {
		const res = await call(acme.host, "/api/v1/auth/logout", {
			method: "POST",
			cookie: acme.ownerCookie,
			sameOrigin: false,
			headers: { Origin: "https://evil.example" },
		});
		expect(res.status).toBe(403);
		expect((await problemOf(res)).type).toBe("https://atrium.dev/problems/cross-origin");
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
	});

	it("refuses a signed-in write with no Origin at all", async () => {
		const res = await call(acme.host, "/api/v1/auth/logout", { method: "POST", cookie: acme.ownerCookie, sameOrigin: false });
		expect(res.status).toBe(403);
		expect((await call(acme.host, "/api/v1/me", { cookie: acme.ownerCookie })).status).toBe(200);
	});

	it("refuses a cross-site sign-in attempt (login CSRF)", async () => {
		const res = await call(acme.host, "/api/v1/auth/login", {
			body: { email: acme.owner.email, password: PASSWORD },
			sameOrigin: false,
			headers: { Origin: "https://evil.example" },
		});
		expect(res.status).toBe(403);
	});

	it("lets a non-browser client without cookies sign in without an Origin header", async () => {
		const res = await call(acme.host, "/api/v1/auth/login", {
			body: { email: acme.owner.email, password: PASSWORD },
			sameOrigin: false,
			ip: freshIp(),
		});
		expect(res.status).toBe(200);
	});
});
