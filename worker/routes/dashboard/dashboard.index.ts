/** The dashboard router: the portal sections (dashboards.ts) plus activity (dashboard-activity.ts), each only when the role may read it. */
import { createRouter } from "../../lib/create-router";
import { portalRequest } from "../../lib/portal-request";
import { recentDocuments, recentMessages, unreadThreads } from "../../services/portal/dashboard-activity";
import { clientDashboard, staffDashboard } from "../../services/portal/dashboards";
import * as routes from "./dashboard.routes";

export const dashboardRouter = createRouter()
	.openapi(routes.staff, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const [portal, unreadMessages] = await Promise.all([
			staffDashboard(scope, access),
			auth.permissions.has("messages:read") ? unreadThreads(scope, access) : null,
		]);
		// Issue 5 "upcoming bookings": the bookings area adds its section here when it merges.
		return c.json({ ...portal, unreadMessages }, 200);
	})
	.openapi(routes.client, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const clientId = access.kind === "own" ? access.clientId : null;
		const [portal, documents, messages] = await Promise.all([
			clientDashboard(scope, access),
			auth.permissions.has("documents:read") ? (clientId ? recentDocuments(scope, clientId) : []) : null,
			auth.permissions.has("messages:read") ? (clientId ? recentMessages(scope, clientId) : []) : null,
		]);
		// Issue 5 "open onboarding steps": the onboarding area adds its section here when it merges.
		return c.json({ ...portal, recentDocuments: documents, recentMessages: messages }, 200);
	});
