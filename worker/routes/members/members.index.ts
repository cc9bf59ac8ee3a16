/** The team router: members and their roles. */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { listMembers, removeMember, updateMember } from "../../services/team/team-members";
import * as routes from "./members.routes";

export const membersRouter = createRouter()
	.openapi(routes.list, async (c) => c.json({ members: await listMembers(tenantScope(c.get("db"), tenantOf(c).id)) }, 200))
	.openapi(routes.update, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c), live: c.env };
		return c.json(await updateMember(deps, c.req.valid("param").userId, c.req.valid("json")), 200);
	})
	.openapi(routes.remove, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c), live: c.env };
		await removeMember(deps, c.req.valid("param").userId);
		return c.body(null, 204);
	});
