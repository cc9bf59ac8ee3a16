/** The dashboard router. */
import { createRouter } from "../../lib/create-router";
import { portalRequest } from "../../lib/portal-request";
import { clientDashboard, staffDashboard } from "../../services/portal/dashboards";
import * as routes from "./dashboard.routes";

export const dashboardRouter = createRouter()
	.openapi(routes.staff, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await staffDashboard(scope, access), 200);
	})
	.openapi(routes.client, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await clientDashboard(scope, access), 200);
	});
