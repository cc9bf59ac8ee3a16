/**
 * The background jobs on the `jobs` queue, as one zod schema: producers are typed by `Job` (inferred
 * from it), and the consumer parses every message with `JobSchema` before it runs, so a malformed
 * body becomes a dead job instead of a crash. Each job names its tenant (or null for platform work)
 * and carries an idempotency key its effects check, so a redelivery changes nothing.
 *
 * Unknown keys are stripped (zod's default), so a message queued by an older deploy still parses:
 * the welcome, account and invitation jobs once carried URL fields (`tenantUrl`, `baseUrl`,
 * `acceptUrl`) that nothing reads any more, because links are built in the job on the agency's
 * canonical address.
 */
import { z } from "zod";

/** Account emails: the token-bearing ones mint their single-use token inside the job, so no token travels on the queue. */
export const AccountEmailKind = z.enum(["verify_email", "change_email", "password_reset", "unlock", "new_device"]);
export type AccountEmailKind = z.infer<typeof AccountEmailKind>;

export const BookingEmailEvent = z.enum(["booked", "rescheduled", "cancelled"]);
export type BookingEmailEvent = z.infer<typeof BookingEmailEvent>;

/** What a feature asks to push; the job adds the agency's name and icon. */
export const PushMessageContent = z.object({ title: z.string(), body: z.string(), url: z.string(), tag: z.string() });
export type PushMessageContent = z.infer<typeof PushMessageContent>;

const idempotencyKey = z.string().min(1);
const tenantId = z.string().min(1);
/** Platform work that runs over every tenant. */
const platform = z.null();

/** A replay of a dead job names the dead row, so its outcome is written back there (worker/services/dead-jobs). */
const replayOf = z.string().min(1).optional();

/** One job shape: its `type` literal plus its fields. */
function job<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
	return z.object({ type: z.literal(type), ...shape, idempotencyKey, replayOf });
}

export const JobSchema = z.discriminatedUnion("type", [
	job("welcome-email", { tenantId, userId: z.string() }),
	job("account-email", {
		tenantId,
		userId: z.string(),
		kind: AccountEmailKind,
		/** change_email: the address being confirmed. */
		newEmail: z.string().optional(),
		/** new_device: what signed in, from where, when. */
		signIn: z.object({ device: z.string(), place: z.string().nullable(), ip: z.string().nullable(), at: z.number() }).optional(),
	}),
	job("purge-expired-auth", { tenantId: platform }),
	/** `token` travels only in the queue message and the email itself; the database holds its hash. */
	job("invitation-email", { tenantId, invitationId: z.string(), token: z.string() }),
	job("milestone-completed-email", { tenantId, milestoneId: z.string(), completedAt: z.number() }),
	job("task-reminders", { tenantId: platform, now: z.number() }),
	/** Emails client people about incomplete onboarding steps (the schedule is in schema/onboarding.ts). */
	job("onboarding-reminders", { tenantId: platform, now: z.number() }),
	job("push-notification", { tenantId, userId: z.string(), message: PushMessageContent }),
	job("billing-email", { tenantId, template: z.enum(["trial-will-end", "payment-failed", "payment-reminder"]) }),
	job("dunning-reminders", { tenantId: platform }),
	job("grant-monthly-credits", { tenantId: platform, period: z.string() }),
	job("report-usage-meter", { tenantId: platform, hourStart: z.number() }),
	/** Sent with a delay (the tenant's unread-email minutes); emails each recipient who has still not read the message. */
	job("message-unread-email", { tenantId, messageId: z.string() }),
	job("reconcile-billing", { tenantId: platform }),
	job("low-balance-alert", { tenantId, threshold: z.number() }),
	/** Emails both sides of a booking with an ICS invitation (or cancellation); skipped if a newer change superseded `sequence`. */
	job("booking-email", { tenantId, bookingId: z.string(), event: BookingEmailEvent, sequence: z.number() }),
	job("booking-reminders", { tenantId: platform, now: z.number() }),
	/** Emails (and notifies) the other side of a ticket about one public message. */
	job("ticket-message-email", { tenantId, messageId: z.string() }),
	/** Builds one bulk download of deliverables into R2; the archive id is the key. */
	job("deliverables-archive", { tenantId, archiveId: z.string() }),
	/** Daily: deletes expired bulk downloads from R2 (every tenant). */
	job("purge-expired-archives", { tenantId: platform, now: z.number() }),
	/** Nightly: deletes sync replay records older than the 30-day replay window. */
	job("prune-sync-mutations", { tenantId: platform }),
	/** Nightly: aborts document uploads started and never finished, and removes their rows (every tenant). */
	job("purge-abandoned-uploads", { tenantId: platform, now: z.number() }),
	/** Double opt-in: emails a lead the link that confirms its address. `token` travels only here and in the email; the lead holds its hash. */
	job("lead-opt-in-email", { tenantId, leadId: z.string(), token: z.string() }),
]);

export type Job = z.infer<typeof JobSchema>;

export type JobType = Job["type"];
export type JobOf<T extends JobType> = Extract<Job, { type: T }>;
