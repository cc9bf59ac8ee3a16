/**
 * The last run of each schedule this isolate has seen (its time slot, when it ran, what it enqueued),
 * for the /dev/schedules page. Memory only, one entry per schedule: a reload of the Worker forgets
 * it, and in production each isolate knows only its own runs, so the page says "not known" then.
 */
import type { Job } from "../../schema/jobs";

export type ScheduledRun = { scheduledTime: number; ranAt: number; jobs: Job[] };

const lastRuns = new Map<string, ScheduledRun>();

export function recordScheduledRun(cron: string, scheduledTime: number, jobs: Job[]): void {
	lastRuns.set(cron, { scheduledTime, ranAt: Date.now(), jobs });
}

export function lastScheduledRun(cron: string): ScheduledRun | undefined {
	return lastRuns.get(cron);
}
