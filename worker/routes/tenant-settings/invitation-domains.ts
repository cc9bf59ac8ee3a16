/** Routes of the agency's invitation-domain rule: read and replace it (tenant:manage). */
import { createRoute } from "@hono/zod-openapi";
import { InvitationDomains } from "../../../schema/dto/invitations";
import { createRouter } from "../../http/create-router";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth, requirePermission } from "../../middleware/require-permission";
import { listInvitationDomains, replaceInvitationDomains } from "../../services/team/invitation-domains";

const tags = ["Team"];

const read = createRoute({
	method: "get",
	path: "/api/v1/tenant/invitation-domains",
	tags,
	summary: "The email domains invitations may go to (empty: any)",
	middleware: [requirePermission("tenant:manage")] as const,
	responses: {
		200: jsonContent(InvitationDomains, "The domains"),
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot change agency settings"),
		404: problemContent("No agency is served at this address"),
	},
});

const replace = createRoute({
	method: "put",
	path: "/api/v1/tenant/invitation-domains",
	tags,
	summary: "Replace the list of email domains invitations may go to (empty: any)",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(InvitationDomains) },
	responses: {
		200: jsonContent(InvitationDomains, "The domains now"),
		...WRITE_ERRORS,
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot change agency settings, or a cross-site request was refused"),
	},
});

export const invitationDomainsRouter = createRouter()
	.openapi(read, async (c) => c.json({ domains: await listInvitationDomains(tenantScope(c.get("db"), tenantOf(c).id)) }, 200))
	.openapi(replace, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c) };
		return c.json({ domains: await replaceInvitationDomains(deps, c.req.valid("json").domains) }, 200);
	});
