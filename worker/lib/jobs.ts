/** Putting typed jobs on the `jobs` queue. */
import type { Job } from "../../schema/jobs";

export async function enqueue(env: { JOBS: Queue }, job: Job, options?: QueueSendOptions): Promise<void> {
	await (env.JOBS as Queue<Job>).send(job, options);
}
