/** Handlers of prompt templates and the agency's assistant settings. */
import type { Context } from "hono";
import { roleCan } from "../../../schema/permissions";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { readSettings, writeSettings } from "../../services/assistant/moderation";
import { createTemplate, deleteTemplate, listTemplates, type TemplateActor, updateTemplate } from "../../services/assistant/templates";
import { recordAudit, userActor } from "../../services/audit/audit-log";
import * as routes from "./templates.routes";

function actorOf(c: Context<AppEnv>): TemplateActor {
	const auth = currentAuth(c);
	return { userId: auth.user.id, canManageShared: roleCan(auth.role, "tenant:manage") };
}

function scopeOf(c: Context<AppEnv>) {
	return tenantScope(c.get("db"), tenantOf(c).id);
}

export const templatesRouter = createRouter()
	.openapi(routes.listTemplates, async (c) => c.json({ templates: await listTemplates(scopeOf(c), actorOf(c)) }, 200))
	.openapi(routes.createTemplate, async (c) => c.json(await createTemplate(scopeOf(c), actorOf(c), c.req.valid("json")), 201))
	.openapi(routes.updateTemplate, async (c) =>
		c.json(await updateTemplate(scopeOf(c), actorOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(routes.deleteTemplate, async (c) => {
		await deleteTemplate(scopeOf(c), actorOf(c), c.req.valid("param").id);
		return c.body(null, 204);
	})
	.openapi(routes.getSettings, async (c) => c.json(await readSettings(scopeOf(c)), 200))
	.openapi(routes.putSettings, async (c) => {
		const settings = c.req.valid("json");
		const scope = scopeOf(c);
		await writeSettings(scope, settings);
		await recordAudit(scope, {
			action: "tenant.settings_changed",
			actor: userActor(currentAuth(c).user),
			target: { type: "assistant_settings", id: scope.tenantId },
			detail: {
				moderationEnabled: settings.moderationEnabled,
				blockedTerms: settings.blockedTerms.length,
				logContent: settings.logContent,
			},
			...requestOrigin(c),
		});
		return c.json(await readSettings(scope), 200);
	});
