/**
 * The typed union of background jobs on the `jobs` queue. Each job names its tenant (or null for
 * platform work) and carries an idempotency key its effects check, so a redelivery changes nothing.
 */
export type Job =
	| { type: "welcome-email"; tenantId: string; userId: string; tenantUrl: string; idempotencyKey: string }
	| { type: "purge-expired-auth"; tenantId: null; idempotencyKey: string }
	| { type: "billing-email"; tenantId: string; template: "trial-will-end" | "payment-failed" | "payment-reminder"; idempotencyKey: string }
	| { type: "dunning-reminders"; tenantId: null; idempotencyKey: string }
	| { type: "grant-monthly-credits"; tenantId: null; period: string; idempotencyKey: string }
	| { type: "report-usage-meter"; tenantId: null; hourStart: number; idempotencyKey: string };

export type JobType = Job["type"];
export type JobOf<T extends JobType> = Extract<Job, { type: T }>;
