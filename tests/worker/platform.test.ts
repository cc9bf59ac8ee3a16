/** Platform surface: health, the OpenAPI document and reference page, security headers, manifests and the dev mailbox. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { signUpUniqueAgency } from "../support/agencies";
import { call, freshIp, PLATFORM } from "../support/http";

describe("GET /api/health", () => {
	it("reports D1 as healthy", async () => {
		const res = await call(PLATFORM, "/api/health");
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: "ok", checks: { d1: { ok: true } } });
	});
});

describe("API documentation", () => {
	it("publishes an OpenAPI 3.1 document listing every route with its problem responses", async () => {
		const res = await call(PLATFORM, "/api/openapi.json");
		expect(res.status).toBe(200);
		const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
		expect(doc.openapi).toBe("3.1.0");
		// Every API route the app serves is documented, in the OpenAPI path syntax.
		const served = createApp()
			.routes.filter((r) => r.method !== "ALL" && /^\/api\/(v1\/|health|webhooks\/|operator\/|forms\/)/.test(r.path))
			.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
		const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
			Object.keys(operations).map((method) => `${method} ${path}`),
		);
		expect(served.length).toBeGreaterThanOrEqual(10);
		expect(documented.sort()).toEqual([...new Set(served)].sort());
		expect(Object.keys(doc.paths["/api/v1/auth/signup"]?.post?.responses ?? {})).toEqual(
			expect.arrayContaining(["201", "400", "409", "422", "429"]),
		);
	});

	it("serves an interactive reference page that loads the document", async () => {
		const res = await call(PLATFORM, "/api/docs");
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain("/vendor/swagger-ui/swagger-ui-bundle.js");
		expect(html).toContain("/vendor/swagger-ui/init.js");
	});
});

describe("security headers", () => {
	it("are on API responses, errors included", async () => {
		for (const path of ["/api/health", "/api/v1/me", "/api/v1/nothing"]) {
			const res = await call(PLATFORM, path);
			expect(res.headers.get("Content-Security-Policy"), path).toContain("frame-ancestors 'none'");
			expect(res.headers.get("Content-Security-Policy"), path).toContain("script-src 'self'");
			expect(res.headers.get("Strict-Transport-Security"), path).toMatch(/max-age=\d+/);
			expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
			expect(res.headers.get("Referrer-Policy"), path).toBe("strict-origin-when-cross-origin");
			expect(res.headers.get("Permissions-Policy"), path).toContain("camera=()");
			expect(res.headers.get("X-Request-Id"), path).toMatch(/^[0-9a-f-]{36}$/);
		}
	});

	it("are on the unknown-host page", async () => {
		const res = await call("nobody.localhost", "/");
		expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
	});
});

describe("web app manifest", () => {
	it("names each agency's app after the agency", async () => {
		const acmeAgency = await signUpUniqueAgency("acme", { agencyName: "Acme Studio" });
		const betaAgency = await signUpUniqueAgency("beta", { agencyName: "Beta Partners International" });
		const acme = (await (await call(acmeAgency.host, "/manifest.webmanifest")).json()) as {
			name: string;
			short_name: string;
			icons: unknown[];
		};
		const beta = (await (await call(betaAgency.host, "/manifest.webmanifest")).json()) as { name: string; short_name: string };
		expect(acme.name).toBe("Acme Studio");
		expect(beta.name).toBe("Beta Partners International");
		expect(beta.short_name.length).toBeLessThanOrEqual(12);
		expect(acme.icons).toEqual(expect.arrayContaining([expect.objectContaining({ sizes: "512x512", purpose: "maskable" })]));
		expect((await call("nobody.localhost", "/manifest.webmanifest")).status).toBe(404);
	});
});

describe("dev mailbox", () => {
	it("exists in development", async () => {
		const res = await call(PLATFORM, "/dev/mailbox.json");
		expect(res.status).toBe(200);
		// The mailbox is shared by the file's tests: it answers the list, whatever other tests sent.
		expect(await res.json()).toEqual({ messages: expect.any(Array) });
	});

	it("does not exist in production", async () => {
		const app = createApp();
		const production = { ...env, ENVIRONMENT: "production" };
		for (const path of ["/dev/mailbox", "/dev/mailbox.json"]) {
			const res = await app.request(`http://localhost${path}`, {}, production);
			expect(res.status, path).toBe(404);
		}
	});

	it("marks the session cookie Secure outside development", async () => {
		const acme = await signUpUniqueAgency("acme");
		const app = createApp();
		const res = await app.request(
			`http://${acme.host}/api/v1/auth/login`,
			{
				method: "POST",
				headers: { "Content-Type": "application/json", Origin: `http://${acme.host}`, "CF-Connecting-IP": freshIp() },
				body: JSON.stringify({ email: acme.owner.email, password: acme.password }),
			},
			{ ...env, ENVIRONMENT: "production" },
		);
		expect(res.status).toBe(200);
		expect(res.headers.getSetCookie().join()).toMatch(/HttpOnly; Secure; SameSite=Lax/);
	});
});
