/**
 * Job `low-balance-alert`: the agency's available AI credits fell below its threshold (TenantGate
 * enqueues it once per crossing). Emails every owner and admin through the idempotent outbox and
 * pushes to their devices; the crossing's key makes a re-run send nothing twice.
 */
import { eq, inArray } from "drizzle-orm";
import { memberships, tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { renderEmail } from "../lib/email/render";
import { enqueue } from "../lib/jobs";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

export async function runLowBalanceAlert(deps: JobDeps, job: JobOf<"low-balance-alert">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [[tenant], recipients] = await Promise.all([
		deps.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, job.tenantId)).limit(1),
		deps.db
			.select({ userId: users.id, email: users.email })
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(scope.where(memberships, inArray(memberships.role, ["owner", "admin"]))),
	]);
	if (!tenant) return;
	const balance = await deps.env.TENANT_GATE.getByName(job.tenantId).credits();
	const usageUrl = `${await deps.tenantUrl(job.tenantId)}/usage`;
	const rendered = renderEmail({
		subject: `${tenant.name}: your AI credits are running low`,
		heading: "Your AI credits are running low",
		paragraphs: [
			`${balance.available} credits are left (the alert threshold is ${job.threshold}).`,
			"Buy a top-up in Billing or upgrade your plan so the assistant keeps working.",
		],
		action: { label: "See usage", url: usageUrl },
	});
	for (const recipient of recipients) {
		await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `${job.idempotencyKey}:${recipient.userId}`,
			template: "low-balance",
			from: deps.emailFrom,
			to: recipient.email,
		});
		await enqueue(deps.env, {
			type: "push-notification",
			tenantId: job.tenantId,
			userId: recipient.userId,
			message: { title: "AI credits running low", body: `${balance.available} credits left.`, url: "/usage", tag: "low-balance" },
			idempotencyKey: `${job.idempotencyKey}:push:${recipient.userId}`,
		});
	}
}
