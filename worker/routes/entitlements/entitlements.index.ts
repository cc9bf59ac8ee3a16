/** The entitlements router: the PWA's source for enabling controls or showing an upgrade prompt. */
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { describeEntitlements } from "../../services/billing/entitlements";
import * as routes from "./entitlements.routes";

export const entitlementsRouter = createRouter().openapi(routes.entitlements, async (c) => {
	const tenant = tenantOf(c);
	const credits = await c.env.TENANT_GATE.getByName(tenant.id).credits();
	return c.json(await describeEntitlements(tenantScope(c.get("db"), tenant.id), credits.available), 200);
});
