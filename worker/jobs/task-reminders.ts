/**
 * Job `task-reminders` (started by cron): emails the assignee of every open task due within the
 * next 24 hours. The outbox key is the task and its due time, so each task is reminded once per
 * due date however often the schedule runs; moving the due date earns a new reminder.
 * Platform work by nature: it reads every tenant's due tasks, then sends within each tenant's scope.
 */
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { projects, tasks, tenants, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { taskReminderEmail } from "../lib/email/portal";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

export const REMINDER_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function runTaskReminders(deps: JobDeps, job: JobOf<"task-reminders">): Promise<void> {
	const due = await deps.db
		.select({ task: tasks, projectName: projects.name, person: { name: users.name, email: users.email } })
		.from(tasks)
		.innerJoin(projects, and(eq(projects.id, tasks.projectId), eq(projects.tenantId, tasks.tenantId), isNull(projects.deletedAt)))
		.innerJoin(users, and(eq(users.id, tasks.assigneeUserId), eq(users.tenantId, tasks.tenantId)))
		.innerJoin(tenants, and(eq(tenants.id, tasks.tenantId), eq(tenants.status, "active")))
		.where(
			and(eq(tasks.status, "open"), isNull(tasks.deletedAt), gt(tasks.dueAt, job.now), lte(tasks.dueAt, job.now + REMINDER_WINDOW_MS)),
		);
	let sent = 0;
	for (const row of due) {
		if (row.task.dueAt === null) continue;
		const scope = tenantScope(deps.db, row.task.tenantId);
		const identity = await deps.agencyEmail(row.task.tenantId);
		const rendered = taskReminderEmail({
			personName: row.person.name,
			taskTitle: row.task.title,
			projectName: row.projectName,
			dueAt: row.task.dueAt,
			tasksUrl: `${await deps.tenantUrl(row.task.tenantId)}/projects/${row.task.projectId}`,
			brand: identity.brand,
		});
		const outcome = await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `task-reminder:${row.task.id}:${row.task.dueAt}`,
			template: "task-reminder",
			from: identity.from,
			to: row.person.email,
		});
		if (outcome === "sent") sent += 1;
	}
	deps.log.info("task-reminders", { due: due.length, sent });
}
