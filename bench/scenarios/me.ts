/**
 * `GET /api/v1/me` with a valid session: the whole middleware chain (request context, security
 * headers, tenant from the Host, session from the cookie) plus the permission check, the cost
 * every signed-in API call pays. Goal: ≥ 60 % of the baseline's throughput, p99 ≤ 50 ms.
 */
import { signUpAgency } from "./fixtures";
import type { Scenario } from "./types";

export const me: Scenario = {
	id: "me",
	label: "GET /api/v1/me (session)",
	goal: { minRatio: 0.6, maxP99Ms: 50 },
	async prepare(context) {
		const agency = await signUpAgency(context, "bench-me");
		return [{ method: "GET", path: "/api/v1/me", host: agency.host, headers: { Cookie: agency.cookie }, expectStatus: 200 }];
	},
};
