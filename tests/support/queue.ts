/** Test helper: running jobs through the Worker's real queue consumer, as the "jobs" queue would deliver them. */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";

export type QueueResult = Awaited<ReturnType<typeof getQueueResult>>;

export type RunJobsOptions = {
	/** The queue the batch arrives on: "atrium-jobs" (default) or the dead-letter queue "atrium-jobs-dlq". */
	queue?: string;
	/** The delivery attempt each message is on (1 = first delivery). */
	attempts?: number;
	/** The Worker's bindings, e.g. `{ ...env, SOME_VAR: "x" }`. */
	environment?: Env;
};

/**
 * Delivers `jobs` as one batch to the Worker's `queue` handler and answers what it acked and
 * retried. Bodies are `unknown` so a test can also deliver a malformed job.
 */
export async function runJobs(jobs: readonly (Job | unknown)[], options: RunJobsOptions = {}): Promise<QueueResult> {
	const batch = createMessageBatch(
		options.queue ?? "atrium-jobs",
		jobs.map((body, i) => ({ id: `msg-${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: options.attempts ?? 1, body })),
	);
	const ctx = createExecutionContext();
	await worker.queue(batch as MessageBatch<unknown>, options.environment ?? env, ctx);
	return getQueueResult(batch, ctx);
}
