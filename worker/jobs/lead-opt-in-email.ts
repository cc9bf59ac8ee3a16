/**
 * Job `lead-opt-in-email`: emails a lead its double opt-in link, once. A lead already confirmed, or
 * whose token is not this one any more, gets nothing.
 */
import { eq } from "drizzle-orm";
import { crmForms, crmLeads } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { leadOptInEmail } from "../lib/email/lead-opt-in";
import { tokenId } from "../lib/tokens";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

export async function runLeadOptInEmail(deps: JobDeps, job: JobOf<"lead-opt-in-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [row] = await scope.db
		.select({ lead: crmLeads, formName: crmForms.name })
		.from(crmLeads)
		.leftJoin(crmForms, eq(crmForms.id, crmLeads.formId))
		.where(scope.where(crmLeads, eq(crmLeads.id, job.leadId)))
		.limit(1);
	if (!row?.lead.email || row.lead.optIn !== "pending" || row.lead.optInTokenHash !== tokenId(job.token)) {
		deps.log.info("lead-opt-in-email: nothing to confirm", { tenantId: job.tenantId, leadId: job.leadId });
		return;
	}
	const identity = await deps.agencyEmail(job.tenantId);
	const rendered = leadOptInEmail({
		agencyName: identity.brand.name,
		formName: row.formName ?? "your form",
		confirmUrl: `${await deps.tenantUrl(job.tenantId)}/f/opt-in?token=${job.token}`,
		brand: identity.brand,
	});
	const outcome = await sendOnce(scope, deps.email, {
		...rendered,
		idempotencyKey: job.idempotencyKey,
		template: "lead-opt-in",
		from: identity.from,
		to: row.lead.email,
	});
	deps.log.info("lead-opt-in-email", { tenantId: job.tenantId, outcome });
}
