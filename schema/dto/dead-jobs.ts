/** Wire shapes of dead jobs, as the platform operator and an agency's admins see them: list, replay, discard. */
import { z } from "zod";

export const DEAD_JOB_STATUSES = ["dead", "replaying", "succeeded", "discarded"] as const;
export type DeadJobStatus = (typeof DEAD_JOB_STATUSES)[number];

/** A dead job's id (the queue message id): letters, digits and `-_.:`, as the queue and our tests make them. */
export const DeadJobParams = z.object({
	id: z
		.string()
		.min(1, "must not be empty")
		.max(128, "must be at most 128 characters")
		.regex(/^[A-Za-z0-9_.:-]+$/, "must be a dead job id"),
});

export const DeadJobsQuery = z.strictObject({
	/** `open` (dead or being replayed, the default) or every status. */
	status: z.enum(["open", "all"], "must be open or all").default("open"),
	cursor: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,300}$/, "must be a cursor returned by this endpoint")
		.optional(),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(50),
});
export type DeadJobsQuery = z.infer<typeof DeadJobsQuery>;

/** One field of the job's payload as shown: secrets (tokens, keys…) are redacted, long values cut. */
export const PayloadField = z.object({ field: z.string(), value: z.string() });
export type PayloadField = z.infer<typeof PayloadField>;

export const DeadJobView = z
	.object({
		id: z.string(),
		type: z.string(),
		/** The agency it belongs to; null for platform jobs (the operator sees those only). */
		tenant: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
		status: z.enum(DEAD_JOB_STATUSES),
		error: z.string().nullable(),
		attempts: z.number().int(),
		firstFailedAt: z.number().int(),
		lastFailedAt: z.number().int(),
		payload: z.array(PayloadField),
		/** False when its body cannot run (it did not parse): it can only be discarded. */
		replayable: z.boolean(),
		replays: z.number().int(),
		replayedAt: z.number().int().nullable(),
		replayedBy: z.string().nullable(),
		resolvedAt: z.number().int().nullable(),
		discardedAt: z.number().int().nullable(),
		discardedBy: z.string().nullable(),
	})
	.meta({ id: "DeadJob" });
export type DeadJobView = z.infer<typeof DeadJobView>;

export const DeadJobList = z.object({ jobs: z.array(DeadJobView), nextCursor: z.string().nullable() }).meta({ id: "DeadJobList" });
export type DeadJobList = z.infer<typeof DeadJobList>;
