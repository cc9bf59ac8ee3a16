/**
 * Diagnostic rows, not run by default (name them in BENCH_ONLY): they split the cost of a signed-in
 * call into the middleware chain, one D1 query and the tenant lookup, to explain a ratio.
 */
import type { Scenario } from "./types";

/** The whole middleware chain on the platform host (no tenant, no cookie: no D1), ending in a 404 problem. */
export const chain: Scenario = {
	id: "chain",
	label: "GET /api/v1/<unknown> (middleware only, 404)",
	async prepare() {
		return [{ method: "GET", path: "/api/v1/bench-unknown", host: "localhost", expectStatus: 404 }];
	},
};

/** Request context, security headers and body limit, then one trivial D1 query (`select 1`). */
export const health: Scenario = {
	id: "health",
	label: "GET /api/health (1 D1 query)",
	async prepare() {
		return [{ method: "GET", path: "/api/health", host: "localhost", expectStatus: 200 }];
	},
};

/** `/me` on a tenant host without a cookie: the tenant lookup (1 D1 query), then a 401 problem. */
export const meAnonymous: Scenario = {
	id: "me-anon",
	label: "GET /api/v1/me (no session, 401)",
	async prepare(context) {
		const slug = "bench-anon";
		await context.http.expect(
			{
				method: "POST",
				path: "/api/v1/auth/signup",
				host: "localhost",
				headers: { Origin: "http://localhost", "CF-Connecting-IP": context.nextClientIp() },
				json: { agencyName: "Bench anon", slug, name: "Bench Owner", email: `owner@${slug}.example`, password: "bench-password-0123" },
			},
			201,
		);
		return [{ method: "GET", path: "/api/v1/me", host: `${slug}.localhost`, expectStatus: 401 }];
	},
};

export const DIAGNOSTICS: Scenario[] = [chain, health, meAnonymous];
