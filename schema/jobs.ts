/**
 * The typed union of background jobs on the `jobs` queue. Each job names its tenant (or null for
 * platform work) and carries an idempotency key its effects check, so a redelivery changes nothing.
 */
export type Job =
	| { type: "welcome-email"; tenantId: string; userId: string; tenantUrl: string; idempotencyKey: string }
	| { type: "purge-expired-auth"; tenantId: null; idempotencyKey: string }
	/** `token` travels only in the queue message and the email itself; the database holds its hash. */
	| { type: "invitation-email"; tenantId: string; invitationId: string; token: string; acceptUrl: string; idempotencyKey: string };

export type JobType = Job["type"];
export type JobOf<T extends JobType> = Extract<Job, { type: T }>;
