/** Cron handlers only enqueue: each schedule names the jobs it starts; the jobs do the work. */
import type { Job } from "../../schema/jobs";
import type { Bindings } from "../env";
import { enqueue } from "../lib/jobs";

export const EVERY_15_MINUTES = "*/15 * * * *";

/** The jobs a schedule starts at `scheduledTime`; the time slot is the idempotency key. */
export function jobsFor(cron: string, scheduledTime: number): Job[] {
	const slot = new Date(scheduledTime).toISOString();
	switch (cron) {
		case EVERY_15_MINUTES:
			return [
				{ type: "purge-expired-auth", tenantId: null, idempotencyKey: `purge-expired-auth:${slot}` },
				{ type: "task-reminders", tenantId: null, now: scheduledTime, idempotencyKey: `task-reminders:${slot}` },
			];
		default:
			return [];
	}
}

export async function handleScheduled(controller: ScheduledController, env: Bindings): Promise<void> {
	for (const job of jobsFor(controller.cron, controller.scheduledTime)) await enqueue(env, job);
}
