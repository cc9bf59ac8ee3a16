/**
 * Job `milestone-completed-email`: tells each person of the milestone's client that it was
 * completed — in the app and by push (the notification centre, per their preferences) and by email
 * unless they turned that off. One key per person and completion, so a re-run sends nothing twice.
 * When the agency asks for it, the milestone's satisfaction survey is created here, once per milestone.
 */
import { and, eq, isNull } from "drizzle-orm";
import { clientMembers, milestones, projects, tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { milestoneCompletedEmail } from "../lib/email/portal";
import { enqueue } from "../lib/jobs";
import { sendOnce } from "../services/email/email-outbox";
import { notify } from "../services/notifications/notify";
import { wants } from "../services/notifications/preferences";
import { requestMilestoneSurvey } from "../services/support/surveys";
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
	const projectPath = `/projects/${found.project.id}`;
	const projectUrl = `${await deps.tenantUrl(job.tenantId)}${projectPath}`;
	await notify(
		scope,
		(next) => enqueue(deps.env, next),
		people.map((p) => p.id),
		{
			event: "milestone_completed",
			title: `Milestone completed: ${found.milestone.title}`,
			body: `${found.project.name} moved forward.`,
			url: projectPath,
			dedupeKey: job.idempotencyKey,
		},
	);
	await requestMilestoneSurvey(scope, (next) => enqueue(deps.env, next), found.milestone, found.project);
	const identity = await deps.agencyEmail(job.tenantId);
	for (const person of people) {
		if (!(await wants(scope, person.id, "milestone_completed", "email"))) continue;
		const rendered = milestoneCompletedEmail({
			personName: person.name,
			agencyName: found.agencyName,
			projectName: found.project.name,
			milestoneTitle: found.milestone.title,
			projectUrl,
			brand: identity.brand,
		});
		await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `${job.idempotencyKey}:${person.id}`,
			template: "milestone-completed",
			from: identity.from,
			to: person.email,
		});
	}
}
