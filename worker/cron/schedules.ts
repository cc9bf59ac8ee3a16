/**
 * Cron handlers only enqueue: each schedule names the jobs it starts; the jobs do the work.
 * `SCHEDULES` is the one list of cron expressions: wrangler.toml's `crons` must equal it (a unit
 * test checks), and `npm start`'s local scheduler and the /dev/schedules page read it.
 */
import type { Job } from "../../schema/jobs";
import type { Bindings } from "../env";
import { enqueue } from "../lib/jobs";
import { recordScheduledRun } from "./recent-runs";

export const EVERY_15_MINUTES = "*/15 * * * *";
/** Hourly: report the previous hour's settled credits to Stripe's usage meter. */
export const HOURLY = "0 * * * *";
/** Daily billing pass: dunning reminders and the monthly plan credit grant (keyed by period). */
export const DAILY_BILLING = "0 6 * * *";
/** Nightly: compare every mirrored subscription with Stripe and repair drift; prune offline sync's replay records; abort abandoned uploads. */
export const NIGHTLY_RECONCILE = "30 3 * * *";
/** Daily: delete bulk downloads past their expiry. */
export const DAILY_ARCHIVE_PURGE = "45 4 * * *";

/** Every schedule, in wrangler.toml's order, with what it is for (times are UTC, as Cloudflare runs them). */
export const SCHEDULES: readonly { cron: string; purpose: string }[] = [
	{ cron: EVERY_15_MINUTES, purpose: "Housekeeping and reminders: expired sessions and tokens, task, booking and onboarding reminders" },
	{ cron: HOURLY, purpose: "Usage metering: the previous hour's settled credits to Stripe" },
	{ cron: DAILY_BILLING, purpose: "Billing: dunning reminders and the monthly plan credit grant" },
	{ cron: NIGHTLY_RECONCILE, purpose: "Nightly: subscription reconciliation with Stripe, sync replay pruning, abandoned uploads" },
	{ cron: DAILY_ARCHIVE_PURGE, purpose: "Retention: bulk downloads past their expiry" },
];

/** The jobs a schedule starts at `scheduledTime`; the time slot is the idempotency key. */
export function jobsFor(cron: string, scheduledTime: number): Job[] {
	const slot = new Date(scheduledTime).toISOString();
	switch (cron) {
		case EVERY_15_MINUTES:
			return [
				{ type: "purge-expired-auth", tenantId: null, idempotencyKey: `purge-expired-auth:${slot}` },
				{ type: "task-reminders", tenantId: null, now: scheduledTime, idempotencyKey: `task-reminders:${slot}` },
				{ type: "booking-reminders", tenantId: null, now: scheduledTime, idempotencyKey: `booking-reminders:${slot}` },
				{ type: "onboarding-reminders", tenantId: null, now: scheduledTime, idempotencyKey: `onboarding-reminders:${slot}` },
			];
		case HOURLY: {
			const hourStart = Math.floor(scheduledTime / 3_600_000) * 3_600_000 - 3_600_000;
			return [{ type: "report-usage-meter", tenantId: null, hourStart, idempotencyKey: `report-usage-meter:${hourStart}` }];
		}
		case DAILY_BILLING: {
			const period = slot.slice(0, 7);
			return [
				{ type: "dunning-reminders", tenantId: null, idempotencyKey: `dunning-reminders:${slot}` },
				{ type: "grant-monthly-credits", tenantId: null, period, idempotencyKey: `grant-monthly-credits:${period}` },
			];
		}
		case NIGHTLY_RECONCILE:
			return [
				{ type: "reconcile-billing", tenantId: null, idempotencyKey: `reconcile-billing:${slot.slice(0, 10)}` },
				{ type: "prune-sync-mutations", tenantId: null, idempotencyKey: `prune-sync-mutations:${slot.slice(0, 10)}` },
				{
					type: "purge-abandoned-uploads",
					tenantId: null,
					now: scheduledTime,
					idempotencyKey: `purge-abandoned-uploads:${slot.slice(0, 10)}`,
				},
			];
		case DAILY_ARCHIVE_PURGE:
			return [
				{
					type: "purge-expired-archives",
					tenantId: null,
					now: scheduledTime,
					idempotencyKey: `purge-expired-archives:${slot.slice(0, 10)}`,
				},
			];
		default:
			return [];
	}
}

/** Enqueues the schedule's jobs for its time slot and answers them; the dev page's "Run now" takes this path too. */
export async function runSchedule(slot: Pick<ScheduledController, "cron" | "scheduledTime">, env: Pick<Bindings, "JOBS">): Promise<Job[]> {
	const jobs = jobsFor(slot.cron, slot.scheduledTime);
	for (const job of jobs) await enqueue(env, job);
	recordScheduledRun(slot.cron, slot.scheduledTime, jobs);
	return jobs;
}

export async function handleScheduled(controller: ScheduledController, env: Bindings): Promise<void> {
	await runSchedule(controller, env);
}
