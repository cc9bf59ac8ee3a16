/** The messaging settings router; a change is recorded in the audit log. */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { messagingSettingsOf, updateMessagingSettings } from "../../services/messaging/settings";
import * as routes from "./settings.routes";

export const messagingSettingsRouter = createRouter()
	.openapi(routes.read, async (c) => c.json(await messagingSettingsOf(tenantScope(c.get("db"), tenantOf(c).id)), 200))
	.openapi(routes.update, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const input = c.req.valid("json");
		const saved = await updateMessagingSettings(scope, input);
		await recordAudit(scope, {
			action: "messaging.settings_updated",
			actor: actorOf(currentAuth(c)),
			...requestOrigin(c),
			detail: { minimumTier: saved.minimumTier, unreadEmailMinutes: saved.unreadEmailMinutes },
		});
		return c.json(saved, 200);
	});
