/** The push router: a user's own devices only, on real push services; sending happens in jobs (or now, for the test button). */

import { createRouter } from "../../http/create-router";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import { checkPushEndpoint } from "../../lib/push/send-web-push";
import { vapidKeysFrom } from "../../lib/push/vapid";
import { currentSession } from "../../middleware/require-permission";
import { notificationForTenant } from "../../services/push/notification-for-tenant";
import { listDevices, removeDevice, saveSubscription } from "../../services/push/push-subscriptions";
import { pushToUser } from "../../services/push/push-to-user";
import * as routes from "./push.routes";

const pushOff = () =>
	new Problem(409, "push-not-configured", "Push is off", "This deployment has no VAPID keys, so it cannot send push notifications.");

export const pushRouter = createRouter()
	.openapi(routes.config, (c) => c.json({ publicKey: vapidKeysFrom(c.env)?.publicKey ?? null }, 200))
	.openapi(routes.listDevices, async (c) => {
		const auth = currentSession(c);
		return c.json({ devices: await listDevices(tenantScope(c.get("db"), tenantOf(c).id), auth.user.id) }, 200);
	})
	.openapi(routes.subscribe, async (c) => {
		if (!vapidKeysFrom(c.env)) throw pushOff();
		const input = c.req.valid("json");
		const endpoint = checkPushEndpoint(input.endpoint, c.env.ENVIRONMENT === "development");
		if (!endpoint.ok) throw problems.validation([{ path: "endpoint", message: endpoint.message }]);
		const device = await saveSubscription(tenantScope(c.get("db"), tenantOf(c).id), currentSession(c).user.id, input);
		return c.json(device, 201);
	})
	.openapi(routes.removeDevice, async (c) => {
		const removed = await removeDevice(tenantScope(c.get("db"), tenantOf(c).id), currentSession(c).user.id, c.req.valid("param").id);
		if (!removed) throw problems.notFound("You have no device with this id.");
		return c.body(null, 204);
	})
	.openapi(routes.sendTest, async (c) => {
		const vapid = vapidKeysFrom(c.env);
		if (!vapid) throw pushOff();
		const tenantId = tenantOf(c).id;
		const db = c.get("db");
		const notification = await notificationForTenant(db, tenantId, {
			title: "Notifications are on",
			body: "This is how updates from your agency will reach this device.",
			url: "/account",
			tag: "push-test",
		});
		if (!notification) throw problems.notFound();
		// One device's push service failing is counted, never the whole request's failure.
		const report = await pushToUser(
			{ scope: tenantScope(db, tenantId), vapid, outbound: c.env },
			currentSession(c).user.id,
			`push-test:${newId()}`,
			notification,
		);
		if (report.failed > 0) c.get("log").warn("push test: some devices failed", { tenantId, failures: report.failures.join("; ") });
		return c.json({ delivered: report.delivered, removed: report.removed, failed: report.failed }, 200);
	});
