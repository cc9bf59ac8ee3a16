/**
 * Job `milestone-completed-email`: tells each person of the milestone's client that it was
 * completed. One outbox key per person and completion, so a re-run sends nothing twice.
 */
import { and, eq, isNull } from "drizzle-orm";
import { clientMembers, milestones, projects, tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { milestoneCompletedEmail } from "../lib/email/portal";
import { sendOnce } from "../services/email-outbox";
import type { JobDeps } from "./job-deps";

export async function runMilestoneCompletedEmail(deps: JobDeps, job: JobOf<"milestone-completed-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [found] = await scope.db
		.select({ milestone: milestones, project: projects, agencyName: tenants.name, slug: tenants.slug })
		.from(milestones)
		.innerJoin(projects, and(eq(projects.id, milestones.projectId), eq(projects.tenantId, milestones.tenantId)))
		.innerJoin(tenants, eq(tenants.id, milestones.tenantId))
		.where(scope.where(milestones, eq(milestones.id, job.milestoneId), isNull(milestones.deletedAt)))
		.limit(1);
	if (!found || found.milestone.completedAt !== job.completedAt) {
		deps.log.info("milestone-completed-email: no longer completed at that time; nothing to send", { milestoneId: job.milestoneId });
		return;
	}
	const people = await scope.db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(clientMembers)
		.innerJoin(users, and(eq(users.id, clientMembers.userId), eq(users.tenantId, clientMembers.tenantId)))
		.where(scope.where(clientMembers, eq(clientMembers.clientId, found.project.clientId), isNull(clientMembers.deletedAt)));
	const projectUrl = `${deps.tenantUrl(found.slug)}/projects/${found.project.id}`;
	for (const person of people) {
		const rendered = milestoneCompletedEmail({
			personName: person.name,
			agencyName: found.agencyName,
			projectName: found.project.name,
			milestoneTitle: found.milestone.title,
			projectUrl,
		});
		await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `${job.idempotencyKey}:${person.id}`,
			template: "milestone-completed",
			from: deps.emailFrom,
			to: person.email,
		});
	}
}
