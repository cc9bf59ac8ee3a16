/** The API keys router. */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { createApiKey, listApiKeys, revokeApiKey } from "../../services/team/api-keys";
import * as routes from "./api-keys.routes";

export const apiKeysRouter = createRouter()
	.openapi(routes.create, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c) };
		return c.json(await createApiKey(deps, c.req.valid("json")), 201);
	})
	.openapi(routes.list, async (c) => c.json({ apiKeys: await listApiKeys(tenantScope(c.get("db"), tenantOf(c).id)) }, 200))
	.openapi(routes.revoke, async (c) => {
		const deps = { scope: tenantScope(c.get("db"), tenantOf(c).id), actor: currentAuth(c), origin: requestOrigin(c) };
		await revokeApiKey(deps, c.req.valid("param").id);
		return c.body(null, 204);
	});
