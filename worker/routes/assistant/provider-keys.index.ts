/** Handlers of the agency's own AI provider keys: parse, call the provider-keys service, answer. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { tenantPlan } from "../../services/assistant/conversations";
import {
	listProviderKeyRows,
	recheckProviderKey,
	removeProviderKey,
	saveProviderKey,
	toKeyView,
} from "../../services/assistant/provider-keys";
import { actorOf, type Who } from "../../services/audit/audit-log";
import * as routes from "./provider-keys.routes";

function scopeOf(c: Context<AppEnv>) {
	return tenantScope(c.get("db"), tenantOf(c).id);
}

function whoOf(c: Context<AppEnv>): Who {
	return { actor: actorOf(currentAuth(c)), ...requestOrigin(c) };
}

export const providerKeysRouter = createRouter()
	.openapi(routes.listKeys, async (c) => {
		const scope = scopeOf(c);
		const [rows, planId] = await Promise.all([listProviderKeyRows(scope), tenantPlan(c.get("db"), scope.tenantId)]);
		return c.json({ keys: rows.map((row) => toKeyView(row, planId)), planId }, 200);
	})
	.openapi(routes.saveKey, async (c) => {
		const scope = scopeOf(c);
		const { kind } = c.req.valid("param");
		const planId = await tenantPlan(c.get("db"), scope.tenantId);
		return c.json(await saveProviderKey({ env: c.env }, scope, whoOf(c), kind, c.req.valid("json"), planId), 200);
	})
	.openapi(routes.checkKey, async (c) => {
		const scope = scopeOf(c);
		const planId = await tenantPlan(c.get("db"), scope.tenantId);
		return c.json(await recheckProviderKey(c.env, scope, c.req.valid("param").kind, planId), 200);
	})
	.openapi(routes.removeKey, async (c) => {
		await removeProviderKey(scopeOf(c), whoOf(c), c.req.valid("param").kind);
		return c.body(null, 204);
	});
