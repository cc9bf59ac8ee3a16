/** Route declarations of the two start pages: the agency's dashboard and a client's home. */
import { createRoute } from "@hono/zod-openapi";
import { ClientDashboard, StaffDashboard } from "../../../schema/dto/portal";
import { jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Dashboard"];

export const staff = createRoute({
	method: "get",
	path: "/api/v1/dashboard/staff",
	tags,
	summary:
		"Clients by status, overdue tasks, deliverables awaiting approval, milestones due in the next 14 days, threads with unread messages and the next bookings",
	middleware: [requirePermission("clients:read")] as const,
	responses: {
		200: jsonContent(StaffDashboard, "The agency's dashboard"),
		401: problemContent("Not signed in"),
		403: problemContent("This dashboard is the agency's"),
	},
});

export const client = createRoute({
	method: "get",
	path: "/api/v1/dashboard/client",
	tags,
	summary:
		"A client user's home: their projects with progress and next milestone, what awaits their review, their open tasks, recent documents and messages, and their next booking",
	middleware: [requirePermission("clients:own")] as const,
	responses: {
		200: jsonContent(ClientDashboard, "The client's home"),
		401: problemContent("Not signed in"),
		403: problemContent("This page is for client users"),
	},
});
