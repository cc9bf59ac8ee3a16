/** Test helper: running jobs through the Worker's real queue consumer, as the "jobs" queue would deliver them. */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";

/** What the consumer did with the batch, plus the delay it asked for on each retried message. */
export type QueueResult = Awaited<ReturnType<typeof getQueueResult>> & { retryDelays: Record<string, number | undefined> };

export type RunJobsOptions = {
	/** The queue the batch arrives on: "atrium-jobs" (default) or the dead-letter queue "atrium-jobs-dlq". */
	queue?: string;
	/** The delivery attempt each message is on (1 = first delivery). */
	attempts?: number;
	/** The Worker's bindings, e.g. `{ ...env, SOME_VAR: "x" }`. */
	environment?: Env;
	/** Message ids, one per job (default: fresh random ones), e.g. to redeliver the same message. */
	ids?: readonly string[];
};

/**
 * Delivers `jobs` as one batch to the Worker's `queue` handler and answers what it acked and
 * retried (with each retry's delay). Bodies are `unknown` so a test can also deliver a malformed job.
 */
export async function runJobs(jobs: readonly (Job | unknown)[], options: RunJobsOptions = {}): Promise<QueueResult> {
	const batch = createMessageBatch(
		options.queue ?? "atrium-jobs",
		jobs.map((body, i) => ({
			id: options.ids?.[i] ?? `msg-${i}-${crypto.randomUUID()}`,
			timestamp: new Date(),
			attempts: options.attempts ?? 1,
			body,
		})),
	);
	const retryDelays: Record<string, number | undefined> = {};
	// The same messages, with each retry's options noted before it reaches the test runtime's own message.
	const messages = batch.messages.map((m) => ({
		id: m.id,
		timestamp: m.timestamp,
		attempts: m.attempts,
		body: m.body,
		ack: () => m.ack(),
		retry: (retry?: QueueRetryOptions) => {
			retryDelays[m.id] = retry?.delaySeconds;
			m.retry(retry);
		},
	}));
	const delivered = { queue: batch.queue, messages, ackAll: () => batch.ackAll(), retryAll: (o?: QueueRetryOptions) => batch.retryAll(o) };
	const ctx = createExecutionContext();
	await worker.queue(delivered as unknown as MessageBatch<unknown>, options.environment ?? env, ctx);
	return { ...(await getQueueResult(batch, ctx)), retryDelays };
}
