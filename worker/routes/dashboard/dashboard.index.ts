/** The dashboard router: the portal sections (dashboards.ts) plus activity (dashboard-activity.ts) and bookings, each only when the role may read it. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { upcomingBookings } from "../../services/bookings/booking-queries";
import { recentDocuments, recentMessages, unreadThreads } from "../../services/portal/dashboard-activity";
import { clientDashboard, staffDashboard } from "../../services/portal/dashboards";
import * as routes from "./dashboard.routes";

/** How many upcoming bookings the staff dashboard lists. */
const STAFF_UPCOMING_BOOKINGS = 5;

export const dashboardRouter = createRouter()
	.openapi(routes.staff, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const [portal, unreadMessages, bookings] = await Promise.all([
			staffDashboard(scope, access),
			auth.permissions.has("messages:read") ? unreadThreads(scope, access) : null,
			auth.permissions.has("bookings:read") ? upcomingBookings(scope, access, Date.now(), STAFF_UPCOMING_BOOKINGS) : null,
		]);
		return c.json({ ...portal, unreadMessages, upcomingBookings: bookings }, 200);
	})
	.openapi(routes.client, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const clientId = access.kind === "own" ? access.clientId : null;
		const [portal, documents, messages, next] = await Promise.all([
			clientDashboard(scope, access),
			auth.permissions.has("documents:read") ? (clientId ? recentDocuments(scope, clientId) : []) : null,
			auth.permissions.has("messages:read") ? (clientId ? recentMessages(scope, clientId) : []) : null,
			auth.permissions.has("bookings:read") ? upcomingBookings(scope, access, Date.now(), 1) : [],
		]);
		// Open onboarding steps come from GET /api/v1/onboarding/mine: Home's checklist banner shows them until done.
		return c.json({ ...portal, recentDocuments: documents, recentMessages: messages, nextBooking: next[0] ?? null }, 200);
	});
