/** `GET /api/v1/host`: whether this address is the platform (sign-up) or an agency (sign-in), before anyone signs in. */
import { createRoute } from "@hono/zod-openapi";
import { HostContext } from "../../../schema/dto/auth";
import { createRouter } from "../../http/create-router";
import { jsonContent, problemContent } from "../../http/openapi-responses";

const hostRoute = createRoute({
	method: "get",
	path: "/api/v1/host",
	tags: ["Account"],
	summary: "What this host serves: the platform, or one agency with its brand (public)",
	responses: {
		200: jsonContent(HostContext, "The platform, or the agency with its public name"),
		404: problemContent("No agency is served at this address"),
	},
});

export const hostRouter = createRouter().openapi(hostRoute, (c) => {
	const host = c.get("host");
	return c.json(
		host.kind === "platform" ? { kind: "platform" as const } : { kind: "tenant" as const, tenant: host.tenant, brand: host.brand },
		200,
	);
});
