/**
 * The typed union of background jobs on the `jobs` queue. Each job names its tenant (or null for
 * platform work) and carries an idempotency key its effects check, so a redelivery changes nothing.
 */
export type Job =
	| { type: "welcome-email"; tenantId: string; userId: string; tenantUrl: string; idempotencyKey: string }
	| { type: "purge-expired-auth"; tenantId: null; idempotencyKey: string }
	| { type: "push-notification"; tenantId: string; userId: string; message: PushMessageContent; idempotencyKey: string };

/** What a feature asks to push; the job adds the agency's name and icon. */
export type PushMessageContent = { title: string; body: string; url: string; tag: string };

export type JobType = Job["type"];
export type JobOf<T extends JobType> = Extract<Job, { type: T }>;
