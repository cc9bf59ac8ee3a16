/** Test helpers for client support: run queued jobs by hand (to prove a re-run changes nothing) and read the outbox. */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";

export async function runJobs(jobs: Job[]) {
	const batch = createMessageBatch(
		"atrium-jobs",
		jobs.map((body, i) => ({ id: `msg-${i}-${crypto.randomUUID()}`, timestamp: Date.now(), attempts: 1, body })),
	);
	const ctx = createExecutionContext();
	await worker.queue(batch as MessageBatch<unknown>, env, ctx);
	return getQueueResult(batch, ctx);
}

/** Every outbox email of a template (of one tenant's, when `tenantId` is given), as (to, subject), ordered by recipient then subject. */
export async function outbox(template: string, tenantId?: string): Promise<{ to: string; subject: string }[]> {
	const rows = await env.DB.prepare(
		'SELECT to_address AS "to", subject FROM email_outbox WHERE template = ? AND (? IS NULL OR tenant_id = ?) ORDER BY to_address, subject, created_at',
	)
		.bind(template, tenantId ?? null, tenantId ?? null)
		.all<{ to: string; subject: string }>();
	return rows.results;
}
