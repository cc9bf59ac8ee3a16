/**
 * The queue consumer. Each message body is parsed with `JobSchema` first: one that does not parse
 * (missing or mistyped field, unknown type) can never succeed, so it is recorded in `dead_jobs` at
 * once and acked, and the rest of the batch runs. A parsed job runs; success acks it, a failure
 * retries it with exponential backoff (each failure noted, so the dead row can say when it first
 * and last failed and why), and after the last retry the queue moves it to the dead-letter queue,
 * whose consumer records it in `dead_jobs` for an admin to see, replay or discard
 * (worker/services/dead-jobs). A replay that succeeds marks its dead row as succeeded.
 */

import type { z } from "zod";
import { assertNever, UnhandledVariantError } from "../../schema/assert-never";
import { type Job, JobSchema } from "../../schema/jobs";
import type { Bindings } from "../env";
import { EmailDeliveryError } from "../lib/email/transport";
import { createLogger } from "../lib/logger";
import { safeError } from "../services/dead-jobs/payload-summary";
import { bodyField, noteFailure, noteSuccess, recordDeadJob } from "../services/dead-jobs/recording";
import { runAccountEmail } from "./account-email";
import { runBillingEmail, runDunningReminders, runGrantMonthlyCredits } from "./billing";
import { runBookingEmail } from "./booking-email";
import { runBookingReminders } from "./booking-reminders";
import { runDeliverablesArchive } from "./deliverables-archive";
import { runInvitationEmail } from "./invitation-email";
import { type JobDeps, jobDeps } from "./job-deps";
import { runLeadOptInEmail } from "./lead-opt-in-email";
import { runLowBalanceAlert } from "./low-balance-alert";
import { runMessageUnreadEmail } from "./message-unread-email";
import { runMilestoneCompletedEmail } from "./milestone-completed-email";
import { runOnboardingReminders } from "./onboarding-reminders";
import { runPruneSyncMutations } from "./prune-sync-mutations";
import { runPurgeAbandonedUploads } from "./purge-abandoned-uploads";
import { runPurgeExpiredArchives } from "./purge-expired-archives";
import { runPurgeExpiredAuth } from "./purge-expired-auth";
import { runPushNotification } from "./push-notification";
import { runReconcileBilling } from "./reconcile-billing";
import { runReportUsageMeter } from "./report-usage-meter";
import { runTaskReminders } from "./task-reminders";
import { runTicketMessageEmail } from "./ticket-message-email";
import { runWelcomeEmail } from "./welcome-email";

export const DEAD_LETTER_QUEUE = "atrium-jobs-dlq";

/** Seconds before retry `attempt` (1-based): 10 s, 20 s, 40 s … capped at 15 minutes. */
export function backoffSeconds(attempt: number): number {
	return Math.min(15 * 60, 10 * 2 ** Math.max(0, attempt - 1));
}

export async function runJob(deps: JobDeps, job: Job): Promise<void> {
	switch (job.type) {
		case "welcome-email":
			return runWelcomeEmail(deps, job);
		case "account-email":
			return runAccountEmail(deps, job);
		case "purge-expired-auth":
			return runPurgeExpiredAuth(deps);
		case "prune-sync-mutations":
			return runPruneSyncMutations(deps);
		case "invitation-email":
			return runInvitationEmail(deps, job);
		case "lead-opt-in-email":
			return runLeadOptInEmail(deps, job);
		case "push-notification":
			return runPushNotification(deps, job);
		case "milestone-completed-email":
			return runMilestoneCompletedEmail(deps, job);
		case "task-reminders":
			return runTaskReminders(deps, job);
		case "onboarding-reminders":
			return runOnboardingReminders(deps, job);
		case "billing-email":
			return runBillingEmail(deps, job);
		case "dunning-reminders":
			return runDunningReminders(deps);
		case "grant-monthly-credits":
			return runGrantMonthlyCredits(deps, job);
		case "report-usage-meter":
			return runReportUsageMeter(deps, job);
		case "message-unread-email":
			return runMessageUnreadEmail(deps, job);
		case "reconcile-billing":
			return runReconcileBilling(deps, job);
		case "low-balance-alert":
			return runLowBalanceAlert(deps, job);
		case "booking-email":
			return runBookingEmail(deps, job);
		case "booking-reminders":
			return runBookingReminders(deps, job);
		case "ticket-message-email":
			return runTicketMessageEmail(deps, job);
		case "deliverables-archive":
			return runDeliverablesArchive(deps, job);
		case "purge-expired-archives":
			return runPurgeExpiredArchives(deps, job);
		case "purge-abandoned-uploads":
			return runPurgeAbandonedUploads(deps, job);
		default:
			return assertNever(job, "job");
	}
}

export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
	const log = createLogger({ component: "jobs", queue: batch.queue });
	const deps = jobDeps(env, log);
	if (batch.queue === DEAD_LETTER_QUEUE) return recordDeadLetters(deps, batch);
	for (const message of batch.messages) {
		const parsed = JobSchema.safeParse(message.body);
		if (!parsed.success) {
			const issues = summarizeIssues(parsed.error);
			log.error("job invalid", { type: typeOf(message.body), attempts: message.attempts, issues });
			await deadLetter(deps, message, `The job is not valid: ${issues}`.slice(0, 500));
			continue;
		}
		const job = parsed.data;
		try {
			await runJob(deps, job);
		} catch (error) {
			const permanent = error instanceof UnhandledVariantError || (error instanceof EmailDeliveryError && !error.retryable);
			log.error("job failed", { type: job.type, attempts: message.attempts, permanent, error: String(error) });
			if (permanent) {
				await deadLetter(deps, message, safeError(error));
			} else {
				await bookkeeping(deps, "job failure not noted", () => noteFailure(deps.db, message, safeError(error)));
				message.retry({ delaySeconds: backoffSeconds(message.attempts) });
			}
			continue;
		}
		message.ack();
		if (message.attempts > 1 || job.replayOf)
			await bookkeeping(deps, "job success not noted", () => noteSuccess(deps.db, message, job.replayOf));
	}
}

/** Records about a job that must not change what happens to it: a failure to write one is logged, not thrown. */
async function bookkeeping(deps: JobDeps, what: string, write: () => Promise<void>): Promise<void> {
	try {
		await write();
	} catch (error) {
		deps.log.error(what, { error: String(error) });
	}
}

/**
 * Records a job that can never succeed and acks it. Should the record itself fail (D1 unavailable),
 * the message is retried instead, so the queue's own dead-lettering keeps it and the batch goes on.
 */
async function deadLetter(deps: JobDeps, message: Message<unknown>, error: string): Promise<void> {
	try {
		await recordDeadJob(deps.db, message, error);
		message.ack();
	} catch (recordError) {
		deps.log.error("dead job not recorded", { type: typeOf(message.body), error: String(recordError) });
		message.retry({ delaySeconds: backoffSeconds(message.attempts) });
	}
}

async function recordDeadLetters(deps: JobDeps, batch: MessageBatch<unknown>): Promise<void> {
	for (const message of batch.messages) {
		await recordDeadJob(deps.db, message, null);
		message.ack();
	}
}

/** "path: message; …" for the log: what about a body made it fail to parse (never its values). */
function summarizeIssues(error: z.ZodError): string {
	return error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`).join("; ");
}

function typeOf(body: unknown): string {
	return bodyField(body, "type") ?? "unknown";
}
