/** Job `welcome-email`: greets a new agency owner, once, however often the job runs. */
import { and, eq } from "drizzle-orm";
import { tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { welcomeEmail } from "../lib/email/welcome";
import { sendOnce } from "../services/email-outbox";
import type { JobDeps } from "./job-deps";

export async function runWelcomeEmail(deps: JobDeps, job: JobOf<"welcome-email">): Promise<void> {
	const [row] = await deps.db
		.select({ email: users.email, name: users.name, agencyName: tenants.name })
		.from(users)
		.innerJoin(tenants, eq(tenants.id, users.tenantId))
		.where(and(eq(users.id, job.userId), eq(users.tenantId, job.tenantId)))
		.limit(1);
	if (!row) {
		deps.log.warn("welcome-email: user no longer exists", { tenantId: job.tenantId, userId: job.userId });
		return;
	}
	const rendered = welcomeEmail({ ownerName: row.name, agencyName: row.agencyName, tenantUrl: job.tenantUrl });
	const outcome = await sendOnce(deps.db, deps.email, {
		...rendered,
		tenantId: job.tenantId,
		idempotencyKey: job.idempotencyKey,
		template: "welcome",
		from: deps.emailFrom,
		to: row.email,
	});
	deps.log.info("welcome-email", { tenantId: job.tenantId, outcome });
}
