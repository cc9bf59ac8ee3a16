/**
 * A staff user's client list: `GET /api/v1/clients?limit=50` for an agency with 50 clients, the
 * first screen of the agency side (session, permission, visibility rules, one page of 50).
 */
import { preparePortalAgency } from "./portal-fixtures";
import type { Scenario } from "./types";

export const clientList: Scenario = {
	id: "client-list",
	label: "GET /api/v1/clients (50 clients)",
	goal: { minRatio: 0.4 },
	async prepare(context) {
		const agency = await preparePortalAgency(context, "bench-clients", { clients: 50, messages: 0 });
		const probe = await context.http.expect({ path: "/api/v1/clients?limit=50", host: agency.host, headers: agency.headers }, 200);
		const page = (await probe.json()) as { clients: unknown[] };
		if (page.clients.length !== 50) throw new Error(`the client list held ${page.clients.length} clients, not 50`);
		return [{ method: "GET", path: "/api/v1/clients?limit=50", host: agency.host, headers: { Cookie: agency.cookie }, expectStatus: 200 }];
	},
};
