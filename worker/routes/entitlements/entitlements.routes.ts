/** Route declaration of GET /api/v1/entitlements: what the tenant's plan allows now and what is left. */
import { createRoute } from "@hono/zod-openapi";
import { EntitlementsResponse } from "../../../schema/entitlements";
import { jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

export const entitlements = createRoute({
	method: "get",
	path: "/api/v1/entitlements",
	tags: ["Billing"],
	summary: "The agency's effective plan: features, counted limits with usage, AI credits, and whether access is reduced",
	middleware: [requirePermission("plan:read")] as const,
	responses: {
		200: jsonContent(EntitlementsResponse, "The entitlements"),
		401: problemContent("Not signed in"),
		403: problemContent("Clients do not see the agency's plan"),
		404: problemContent("No agency is served at this address"),
	},
});
