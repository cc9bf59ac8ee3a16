/**
 * The one way features notify people: for each person, an in-app notification (once per dedupe
 * key) and a push to their devices (a `push-notification` job, once per key), each only when their
 * preferences allow it. Email stays with each feature's own job, which asks `wants(…, "email")`.
 */

import { notifications } from "../../../schema/index";
import type { Job } from "../../../schema/jobs";
import type { NotificationEvent } from "../../../schema/notification-events";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { wants } from "./preferences";

export type Notice = { event: NotificationEvent; title: string; body: string; url: string; dedupeKey: string };

export async function notify(
	scope: TenantScope,
	enqueue: (job: Job) => Promise<void>,
	userIds: readonly string[],
	notice: Notice,
	now = Date.now(),
): Promise<void> {
	for (const userId of new Set(userIds)) {
		const [inApp, push] = await Promise.all([wants(scope, userId, notice.event, "in_app"), wants(scope, userId, notice.event, "push")]);
		if (inApp) {
			await scope
				.insert(notifications, {
					id: newId(now),
					userId,
					event: notice.event,
					title: notice.title,
					body: notice.body,
					url: notice.url,
					dedupeKey: notice.dedupeKey,
					createdAt: now,
					updatedAt: now,
				})
				.onConflictDoNothing();
		}
		if (push) {
			await enqueue({
				type: "push-notification",
				tenantId: scope.tenantId,
				userId,
				message: { title: notice.title, body: notice.body, url: notice.url, tag: notice.dedupeKey },
				idempotencyKey: `notify:${notice.dedupeKey}:${userId}`,
			});
		}
	}
}
