/**
 * Projects of a client: list with progress, create, edit, and the detail a project page shows
 * (progress, milestone timeline, tasks, deliverables with reviews, who tasks may go to).
 */
import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { CreateProjectBody, PatchProjectBody, ProjectListQuery } from "../../../schema/dto/portal";
import { clientMembers, clients, deliverables, memberships, milestones, projects, tasks, users } from "../../../schema/index";
import type { ProjectStatus } from "../../../schema/portal";
import { selectInChunks } from "../../lib/chunks";
import { createWithClientMadeId } from "../../lib/client-made-id";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import { type ClientAccess, seesAllClients, visibleClientsCondition } from "./client-access";
import { getClient } from "./clients";
import { reviewsOf } from "./deliverables";
import { projectProgress } from "./progress";
import { inviteesFor } from "./task-invitees";
import { getVisibleProject, toDto } from "./visible-project";

export async function milestonesOf(scope: TenantScope, projectIds: string[]) {
	if (projectIds.length === 0) return [];
	// A project's rows all fall in one chunk, so each project's order holds.
	return selectInChunks(projectIds, (slice) =>
		scope.db
			.select()
			.from(milestones)
			.where(scope.where(milestones, inArray(milestones.projectId, slice), isNull(milestones.deletedAt)))
			.orderBy(asc(milestones.position), asc(milestones.id)),
	);
}

export async function tasksOf(scope: TenantScope, projectIds: string[]) {
	if (projectIds.length === 0) return [];
	return selectInChunks(projectIds, (slice) =>
		scope.db
			.select()
			.from(tasks)
			.where(scope.where(tasks, inArray(tasks.projectId, slice), isNull(tasks.deletedAt)))
			.orderBy(asc(tasks.createdAt), asc(tasks.id)),
	);
}

/** Projects with progress, newest first. */
export async function listProjects(scope: TenantScope, access: ClientAccess, query: z.infer<typeof ProjectListQuery>) {
	const conditions: (SQL | undefined)[] = [isNull(projects.deletedAt), visibleClientsCondition(access, projects.clientId)];
	if (query.clientId) conditions.push(eq(projects.clientId, query.clientId));
	if (query.status) conditions.push(eq(projects.status, query.status));
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		conditions.push(
			or(lt(projects.createdAt, Number(cursor.value)), and(eq(projects.createdAt, Number(cursor.value)), lt(projects.id, cursor.id))),
		);
	}
	const rows = await scope.db
		.select({ project: projects, clientName: clients.name })
		.from(projects)
		.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
		.where(scope.where(projects, ...conditions))
		.orderBy(desc(projects.createdAt), desc(projects.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const ids = page.map((r) => r.project.id);
	const [allMilestones, allTasks] = await Promise.all([milestonesOf(scope, ids), tasksOf(scope, ids)]);
	const last = page.at(-1);
	return {
		projects: page.map((r) => ({
			...toDto(r.project),
			clientName: r.clientName,
			progress: projectProgress(
				allMilestones.filter((m) => m.projectId === r.project.id),
				allTasks.filter((t) => t.projectId === r.project.id),
			),
		})),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.project.createdAt, id: last.project.id }) : null,
	};
}

/**
 * The ids and names of the newest `limit` live projects `access` may see (the list's rule and order,
 * without progress): one small query, for a caller that only looks for names.
 */
export async function visibleProjectNames(scope: TenantScope, access: ClientAccess, limit: number) {
	return scope.db
		.select({ id: projects.id, name: projects.name })
		.from(projects)
		.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
		.where(scope.where(projects, isNull(projects.deletedAt), visibleClientsCondition(access, projects.clientId)))
		.orderBy(desc(projects.createdAt), desc(projects.id))
		.limit(limit);
}

function assertDates(startsAt: number | null | undefined, dueAt: number | null | undefined): void {
	if (startsAt != null && dueAt != null && dueAt < startsAt) {
		throw problems.validation([{ path: "dueAt", message: "must not be before startsAt" }]);
	}
}

/** A move from `fromStatus` is refused when the project has meanwhile gone elsewhere (already at `to` is a replay: fine). */
function assertStatusUnchanged(current: ProjectStatus, fromStatus: ProjectStatus | undefined, to: ProjectStatus | undefined): void {
	if (fromStatus === undefined || current === fromStatus || current === to) return;
	const now = current.replace("_", " ");
	throw new Problem(409, "status-changed", "Changed meanwhile", `Its status was changed to ${now} meanwhile.`, {
		errors: [{ path: "fromStatus", message: `is no longer the project's status (it is ${now})` }],
		extensions: { status: current },
	});
}

export async function createProject(scope: TenantScope, access: ClientAccess, input: z.infer<typeof CreateProjectBody>, now = Date.now()) {
	assertDates(input.startsAt, input.dueAt);
	try {
		await getClient(scope, access, input.clientId);
	} catch {
		throw problems.validation([{ path: "clientId", message: "must be one of your clients" }]);
	}
	return createWithClientMadeId(scope, projects, input.id ?? newId(now), {
		isReplay: (existing) => existing.clientId === input.clientId && existing.name === input.name,
		values: () => ({
			clientId: input.clientId,
			name: input.name,
			description: input.description,
			status: input.status,
			startsAt: input.startsAt ?? null,
			dueAt: input.dueAt ?? null,
			createdAt: now,
			updatedAt: now,
		}),
	});
}

export async function updateProject(
	scope: TenantScope,
	access: ClientAccess,
	id: string,
	{ fromStatus, ...changes }: z.infer<typeof PatchProjectBody>,
	now = Date.now(),
) {
	const current = await getVisibleProject(scope, access, id);
	assertStatusUnchanged(current.status, fromStatus, changes.status);
	assertDates(
		changes.startsAt === undefined ? current.startsAt : changes.startsAt,
		changes.dueAt === undefined ? current.dueAt : changes.dueAt,
	);
	const [row] = await scope.update(projects, { ...changes, updatedAt: now }, eq(projects.id, id)).returning();
	return row ?? current;
}

/** Staff of the agency and the people of `clientId`: whom a task of this client may be assigned to. */
export async function assigneesFor(scope: TenantScope, clientId: string) {
	const [staff, people] = await Promise.all([
		scope.db
			.select({ userId: users.id, name: users.name })
			.from(memberships)
			.innerJoin(users, and(eq(users.id, memberships.userId), eq(users.tenantId, memberships.tenantId)))
			.where(scope.where(memberships, inArray(memberships.role, ["owner", "admin", "staff"])))
			.orderBy(users.name),
		scope.db
			.select({ userId: users.id, name: users.name })
			.from(clientMembers)
			.innerJoin(users, and(eq(users.id, clientMembers.userId), eq(users.tenantId, clientMembers.tenantId)))
			.where(scope.where(clientMembers, eq(clientMembers.clientId, clientId), isNull(clientMembers.deletedAt)))
			.orderBy(users.name),
	]);
	return [...staff.map((s) => ({ ...s, side: "agency" as const })), ...people.map((p) => ({ ...p, side: "client" as const }))];
}

export async function projectDetail(scope: TenantScope, access: ClientAccess, id: string) {
	const project = await getVisibleProject(scope, access, id);
	const [[client], timeline, projectTasks, projectDeliverables, assignees, invitees] = await Promise.all([
		scope.db
			.select({ id: clients.id, name: clients.name })
			.from(clients)
			.where(scope.where(clients, eq(clients.id, project.clientId)))
			.limit(1),
		milestonesOf(scope, [id]),
		tasksOf(scope, [id]),
		scope.db
			.select()
			.from(deliverables)
			.where(scope.where(deliverables, eq(deliverables.projectId, id), isNull(deliverables.deletedAt)))
			.orderBy(desc(deliverables.createdAt), desc(deliverables.id)),
		assigneesFor(scope, project.clientId),
		// Pending invitees are the agency's business: a client's people see none.
		seesAllClients(access) ? inviteesFor(scope, project.clientId) : [],
	]);
	const reviews = await reviewsOf(
		scope,
		projectDeliverables.map((d) => d.id),
	);
	return {
		project: toDto(project),
		client: client ?? { id: project.clientId, name: "" },
		progress: projectProgress(timeline, projectTasks),
		timeline: timeline.map(toDto),
		tasks: projectTasks.map(toDto),
		deliverables: projectDeliverables.map((d) => ({ ...toDto(d), reviews: reviews.filter((r) => r.deliverableId === d.id) })),
		assignees,
		invitees,
	};
}
