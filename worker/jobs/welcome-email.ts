/** Job `welcome-email`: greets a new agency owner, once, however often the job runs. */
import { eq } from "drizzle-orm";
import { tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { welcomeEmail } from "../lib/email/welcome";
import { sendOnce } from "../services/email/email-outbox";
import { findMemberById } from "../services/team/members";
import type { JobDeps } from "./job-deps";

export async function runWelcomeEmail(deps: JobDeps, job: JobOf<"welcome-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [owner, [tenant]] = await Promise.all([
		findMemberById(scope, job.userId),
		deps.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, job.tenantId)).limit(1),
	]);
	if (!owner || !tenant) {
		deps.log.warn("welcome-email: the account no longer exists", { tenantId: job.tenantId, userId: job.userId });
		return;
	}
	const rendered = welcomeEmail({ ownerName: owner.name, agencyName: tenant.name, tenantUrl: `${await deps.tenantUrl(job.tenantId)}/` });
	const outcome = await sendOnce(scope, deps.email, {
		...rendered,
		idempotencyKey: job.idempotencyKey,
		template: "welcome",
		from: deps.emailFrom,
		to: owner.email,
	});
	deps.log.info("welcome-email", { tenantId: job.tenantId, outcome });
}
