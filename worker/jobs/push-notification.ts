/** Job `push-notification`: one message to every device of one user, once per device however often it runs. */
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { vapidKeysFrom } from "../lib/push/vapid";
import { notificationForTenant } from "../services/push/notification-for-tenant";
import { pushToUser } from "../services/push/push-to-user";
import type { JobDeps } from "./job-deps";

export async function runPushNotification(deps: JobDeps, job: JobOf<"push-notification">): Promise<void> {
	const vapid = vapidKeysFrom(deps.env);
	if (!vapid) {
		deps.log.warn("push-notification: push is not configured (VAPID keys unset)", { tenantId: job.tenantId });
		return;
	}
	const notification = await notificationForTenant(deps.db, job.tenantId, job.message);
	if (!notification) return;
	const scope = tenantScope(deps.db, job.tenantId);
	// Devices that failed are reported, not retried: the job never fails for one device's push service.
	const { failures, ...counts } = await pushToUser({ scope, vapid, outbound: deps.env }, job.userId, job.idempotencyKey, notification);
	if (failures.length > 0)
		deps.log.warn("push-notification: some devices failed", { tenantId: job.tenantId, failures: failures.join("; ") });
	deps.log.info("push-notification", { tenantId: job.tenantId, ...counts });
}
