/** The notification centre router: each person reads and changes only their own notifications and preferences. */

import type { Context } from "hono";
import { NOTIFICATION_EVENT_LABELS } from "../../../schema/notification-events";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { listNotifications, markRead, unreadCount } from "../../services/notifications/inbox";
import { preferencesOf, savePreferences } from "../../services/notifications/preferences";
import * as routes from "./notifications.routes";

function who(c: Context<AppEnv>) {
	return { scope: tenantScope(c.get("db"), tenantOf(c).id), userId: currentAuth(c).user.id };
}

export const notificationsRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, userId } = who(c);
		const [page, unread] = await Promise.all([listNotifications(scope, userId, c.req.valid("query")), unreadCount(scope, userId)]);
		return c.json({ ...page, unreadCount: unread }, 200);
	})
	.openapi(routes.unread, async (c) => {
		const { scope, userId } = who(c);
		return c.json({ unreadCount: await unreadCount(scope, userId) }, 200);
	})
	.openapi(routes.markRead, async (c) => {
		const { scope, userId } = who(c);
		const body = c.req.valid("json");
		await markRead(scope, userId, body.all ? { all: true } : { ids: body.ids ?? [] });
		return c.json({ unreadCount: await unreadCount(scope, userId) }, 200);
	})
	.openapi(routes.preferences, async (c) => {
		const { scope, userId } = who(c);
		return c.json({ preferences: await preferencesOf(scope, userId), labels: NOTIFICATION_EVENT_LABELS }, 200);
	})
	.openapi(routes.updatePreferences, async (c) => {
		const { scope, userId } = who(c);
		await savePreferences(scope, userId, c.req.valid("json").changes);
		return c.json({ preferences: await preferencesOf(scope, userId), labels: NOTIFICATION_EVENT_LABELS }, 200);
	});
