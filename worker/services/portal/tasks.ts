/**
 * Tasks of a project: list (by project, status, assignee), create and edit by the agency, and
 * complete by the agency or by the client user the task is assigned to. A task may instead wait for
 * a pending invitee (task-invitees.ts); giving it to anyone else ends the wait.
 */
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { CreateTaskBody, TaskListQuery, UpdateTaskBody } from "../../../schema/dto/portal";
import { clientMembers, memberships, milestones, projects, type Task, tasks } from "../../../schema/index";
import { createWithClientMadeId } from "../../lib/client-made-id";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { type ClientAccess, seesAllClients, visibleClientsCondition } from "./client-access";
import { assertInviteeAssignable } from "./task-invitees";
import { getVisibleProject } from "./visible-project";

/** The assignee columns after an edit: one of a member and a pending invitee (undefined: unchanged). */
function assigneeAfter(input: { assigneeUserId?: string | null | undefined; assigneeInvitationId?: string | null | undefined }) {
	if (input.assigneeInvitationId) return { assigneeUserId: null, assigneeInvitationId: input.assigneeInvitationId };
	if (input.assigneeUserId !== undefined) return { assigneeUserId: input.assigneeUserId, assigneeInvitationId: null };
	return input.assigneeInvitationId === null ? { assigneeInvitationId: null } : {};
}

/** The answers task writes give, shared by the REST services below and offline sync's batched task writes. */
export const taskProblems = {
	noSuchTask: () => problems.notFound("There is no task with this id."),
	notYourProject: () => problems.validation([{ path: "projectId", message: "must be one of your projects" }]),
	notAMilestone: () => problems.validation([{ path: "milestoneId", message: "must be a milestone of this project" }]),
	notAssignable: () => problems.validation([{ path: "assigneeUserId", message: "must be on your team or one of this client's people" }]),
	idTaken: () => problems.idTaken(),
	notTheAssignee: () => problems.forbidden("Only the person this task is assigned to can complete it."),
};

/** A task's completion time after an edit that sets `status` (undefined: unchanged). */
export function completedAtAfter(current: Pick<Task, "completedAt">, status: Task["status"] | undefined, now: number): number | null {
	if (status === undefined) return current.completedAt;
	return status === "done" ? (current.completedAt ?? now) : null;
}

export async function listTasks(scope: TenantScope, access: ClientAccess, query: z.infer<typeof TaskListQuery>): Promise<Task[]> {
	const conditions: (SQL | undefined)[] = [
		isNull(tasks.deletedAt),
		isNull(projects.deletedAt),
		visibleClientsCondition(access, projects.clientId),
	];
	if (query.projectId) conditions.push(eq(tasks.projectId, query.projectId));
	if (query.status) conditions.push(eq(tasks.status, query.status));
	if (query.assignee) conditions.push(eq(tasks.assigneeUserId, query.assignee === "me" ? access.userId : query.assignee));
	const rows = await scope.db
		.select({ task: tasks })
		.from(tasks)
		.innerJoin(projects, and(eq(projects.id, tasks.projectId), eq(projects.tenantId, tasks.tenantId)))
		.where(scope.where(tasks, ...conditions))
		.orderBy(asc(tasks.dueAt), asc(tasks.id))
		.limit(500);
	return rows.map((r) => r.task);
}

/** A live task whose project's client the caller may see, or 404. */
export async function getVisibleTask(scope: TenantScope, access: ClientAccess, id: string): Promise<Task> {
	const [row] = await scope.db
		.select()
		.from(tasks)
		.where(scope.where(tasks, eq(tasks.id, id), isNull(tasks.deletedAt)))
		.limit(1);
	if (!row) throw taskProblems.noSuchTask();
	try {
		await getVisibleProject(scope, access, row.projectId);
	} catch {
		throw taskProblems.noSuchTask();
	}
	return row;
}

/** 422 unless the assignee is agency staff or a person of the project's client. */
async function assertAssignable(scope: TenantScope, clientId: string, userId: string): Promise<void> {
	const [member] = await scope.db
		.select({ role: memberships.role })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId)))
		.limit(1);
	if (member && member.role !== "client") return;
	if (member) {
		const [link] = await scope.db
			.select({ id: clientMembers.id })
			.from(clientMembers)
			.where(
				scope.where(clientMembers, eq(clientMembers.userId, userId), eq(clientMembers.clientId, clientId), isNull(clientMembers.deletedAt)),
			)
			.limit(1);
		if (link) return;
	}
	throw taskProblems.notAssignable();
}

export async function assertMilestoneOf(scope: TenantScope, projectId: string, milestoneId: string): Promise<void> {
	const [row] = await scope.db
		.select({ id: milestones.id })
		.from(milestones)
		.where(scope.where(milestones, eq(milestones.id, milestoneId), eq(milestones.projectId, projectId), isNull(milestones.deletedAt)))
		.limit(1);
	if (!row) throw taskProblems.notAMilestone();
}

export async function createTask(
	scope: TenantScope,
	access: ClientAccess,
	input: z.infer<typeof CreateTaskBody>,
	now = Date.now(),
): Promise<Task> {
	let clientId: string;
	try {
		clientId = (await getVisibleProject(scope, access, input.projectId)).clientId;
	} catch {
		throw taskProblems.notYourProject();
	}
	if (input.milestoneId) await assertMilestoneOf(scope, input.projectId, input.milestoneId);
	if (input.assigneeUserId) await assertAssignable(scope, clientId, input.assigneeUserId);
	if (input.assigneeInvitationId) await assertInviteeAssignable(scope, clientId, input.assigneeInvitationId, now);
	return createWithClientMadeId(scope, tasks, input.id ?? newId(now), {
		isReplay: (existing) => existing.projectId === input.projectId && existing.title === input.title,
		values: () => ({
			projectId: input.projectId,
			milestoneId: input.milestoneId ?? null,
			title: input.title,
			description: input.description,
			assigneeUserId: input.assigneeUserId ?? null,
			assigneeInvitationId: input.assigneeInvitationId ?? null,
			dueAt: input.dueAt ?? null,
			createdAt: now,
			updatedAt: now,
		}),
	});
}

export async function updateTask(
	scope: TenantScope,
	access: ClientAccess,
	id: string,
	input: z.infer<typeof UpdateTaskBody>,
	now = Date.now(),
): Promise<Task> {
	const current = await getVisibleTask(scope, access, id);
	const project = await getVisibleProject(scope, access, current.projectId);
	if (input.milestoneId) await assertMilestoneOf(scope, current.projectId, input.milestoneId);
	if (input.assigneeUserId) await assertAssignable(scope, project.clientId, input.assigneeUserId);
	if (input.assigneeInvitationId) await assertInviteeAssignable(scope, project.clientId, input.assigneeInvitationId, now);
	const completedAt = completedAtAfter(current, input.status, now);
	const [row] = await scope.update(tasks, { ...input, ...assigneeAfter(input), completedAt, updatedAt: now }, eq(tasks.id, id)).returning();
	return row ?? current;
}

/** Marks a task done: the agency may complete any task; a client user only those assigned to them. */
export async function completeTask(scope: TenantScope, access: ClientAccess, id: string, now = Date.now()): Promise<Task> {
	const current = await getVisibleTask(scope, access, id);
	if (!seesAllClients(access) && current.assigneeUserId !== access.userId) {
		throw taskProblems.notTheAssignee();
	}
	if (current.status === "done") return current;
	const [row] = await scope.update(tasks, { status: "done", completedAt: now, updatedAt: now }, eq(tasks.id, id)).returning();
	return row ?? current;
}
