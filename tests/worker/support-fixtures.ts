/** Test helper for client support: read the outbox (run jobs with `runJobs` from tests/support/queue.ts). */
import { env } from "cloudflare:workers";

/** Every outbox email of a template (of one tenant's, when `tenantId` is given), as (to, subject), ordered by recipient then subject. */
export async function outbox(template: string, tenantId?: string): Promise<{ to: string; subject: string }[]> {
	const rows = await env.DB.prepare(
		'SELECT to_address AS "to", subject FROM email_outbox WHERE template = ? AND (? IS NULL OR tenant_id = ?) ORDER BY to_address, subject, created_at',
	)
		.bind(template, tenantId ?? null, tenantId ?? null)
		.all<{ to: string; subject: string }>();
	return rows.results;
}
