/** `GET /api/v1/me`: who is signed in, on which tenant, with which role, and their account's security state. */
import { createRoute } from "@hono/zod-openapi";
import { MeResponse } from "../../../schema/dto/auth";
import { jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

export const me = createRoute({
	method: "get",
	path: "/api/v1/me",
	tags: ["Account"],
	summary: "The signed-in user, their tenant, role and permissions, email verification and MFA state (cookie sessions only, not API keys)",
	middleware: [requirePermission("account:read")] as const,
	responses: {
		200: jsonContent(MeResponse, "The signed-in user"),
		401: problemContent("Not signed in, or the session has ended"),
		404: problemContent("No agency is served at this address"),
	},
});
