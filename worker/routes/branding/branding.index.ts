/** The branding router: the agency's own brand only (the tenant comes from the host). */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { problems } from "../../lib/problem";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf } from "../../services/audit/audit-log";
import { brandingSettings, removeBrandAsset, storeBrandAsset, updateBranding } from "../../services/branding/branding";
import * as routes from "./branding.routes";

export const brandingRouter = createRouter()
	.openapi(routes.read, async (c) => c.json(await brandingSettings(tenantScope(c.get("db"), tenantOf(c).id)), 200))
	.openapi(routes.update, async (c) => {
		const who = { actor: actorOf(currentAuth(c)), ...requestOrigin(c) };
		return c.json(await updateBranding(tenantScope(c.get("db"), tenantOf(c).id), c.req.valid("json"), who), 200);
	})
	.openapi(routes.uploadAsset, async (c) => {
		if (c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() !== "image/png") throw problems.unsupportedMediaType();
		const who = { actor: actorOf(currentAuth(c)), ...requestOrigin(c) };
		const bytes = new Uint8Array(await c.req.arrayBuffer());
		return c.json(await storeBrandAsset(c.env.FILES, tenantScope(c.get("db"), tenantOf(c).id), c.req.valid("param").kind, bytes, who), 200);
	})
	.openapi(routes.removeAsset, async (c) => {
		const who = { actor: actorOf(currentAuth(c)), ...requestOrigin(c) };
		return c.json(await removeBrandAsset(c.env.FILES, tenantScope(c.get("db"), tenantOf(c).id), c.req.valid("param").kind, who), 200);
	});
