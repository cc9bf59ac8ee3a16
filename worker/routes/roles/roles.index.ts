/** The custom roles router. */
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "../../../schema/permissions";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { createCustomRole, deleteCustomRole, listCustomRoles, updateCustomRole } from "../../services/team/custom-roles";
import * as routes from "./roles.routes";

const BUILT_IN = ROLES.map((role) => ({ role, permissions: PERMISSIONS.filter((p) => ROLE_PERMISSIONS[role].has(p)) }));

export const rolesRouter = createRouter()
	.openapi(routes.list, async (c) =>
		c.json({ roles: await listCustomRoles(tenantScope(c.get("db"), tenantOf(c).id)), builtIn: BUILT_IN }, 200),
	)
	.openapi(routes.create, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c), live: c.env };
		return c.json(await createCustomRole(deps, c.req.valid("json")), 201);
	})
	.openapi(routes.update, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c), live: c.env };
		return c.json(await updateCustomRole(deps, c.req.valid("param").id, c.req.valid("json")), 200);
	})
	.openapi(routes.remove, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c), live: c.env };
		await deleteCustomRole(deps, c.req.valid("param").id);
		return c.body(null, 204);
	});
