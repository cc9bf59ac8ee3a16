/** The baseline: `GET /api/ping`, registered before all middleware, so nothing but routing and workerd. */
import type { Scenario } from "./types";

export const ping: Scenario = {
	id: "ping",
	label: "GET /api/ping (baseline)",
	async prepare() {
		return [{ method: "GET", path: "/api/ping", host: "localhost", expectStatus: 200 }];
	},
};
