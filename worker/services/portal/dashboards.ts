/**
 * The two start pages: the agency's (clients by status, overdue tasks, deliverables waiting for
 * approval, upcoming milestones) and a client user's (their projects with progress and next
 * milestone, deliverables waiting for their review, their open tasks).
 */
import { and, asc, count, desc, eq, gte, isNull, lt, ne, type SQL } from "drizzle-orm";
import { clients, deliverables, milestones, projects, tasks } from "../../../schema/index";
import { CLIENT_STATUSES, type ClientStatus } from "../../../schema/portal";
import type { TenantScope } from "../../lib/db";
import { type ClientAccess, visibleClientsCondition } from "./client-access";
import { projectProgress } from "./progress";
import { milestonesOf, tasksOf } from "./projects";
import { toDto } from "./visible-project";

const LIST_LIMIT = 20;
const UPCOMING_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

/** Live projects of live clients the caller may see, joined for names. */
function visibleProjectJoin(scope: TenantScope, access: ClientAccess): SQL[] {
	return [
		isNull(projects.deletedAt),
		isNull(clients.deletedAt),
		...[visibleClientsCondition(access, projects.clientId)].filter((c): c is SQL => c !== undefined),
		eq(projects.tenantId, scope.tenantId),
	];
}

async function overdueTasks(scope: TenantScope, access: ClientAccess, now: number, extra?: SQL) {
	const rows = await scope.db
		.select({ task: tasks, projectName: projects.name, clientName: clients.name })
		.from(tasks)
		.innerJoin(projects, and(eq(projects.id, tasks.projectId), eq(projects.tenantId, tasks.tenantId)))
		.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
		.where(
			scope.where(
				tasks,
				isNull(tasks.deletedAt),
				eq(tasks.status, "open"),
				lt(tasks.dueAt, now),
				extra,
				...visibleProjectJoin(scope, access),
			),
		)
		.orderBy(asc(tasks.dueAt), asc(tasks.id))
		.limit(LIST_LIMIT);
	return rows.map((r) => ({ ...toDto(r.task), projectName: r.projectName, clientName: r.clientName }));
}

async function pendingDeliverables(scope: TenantScope, access: ClientAccess) {
	const rows = await scope.db
		.select({ deliverable: deliverables, projectName: projects.name, clientName: clients.name })
		.from(deliverables)
		.innerJoin(projects, and(eq(projects.id, deliverables.projectId), eq(projects.tenantId, deliverables.tenantId)))
		.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
		.where(
			scope.where(
				deliverables,
				isNull(deliverables.deletedAt),
				eq(deliverables.status, "pending_review"),
				...visibleProjectJoin(scope, access),
			),
		)
		.orderBy(asc(deliverables.createdAt), asc(deliverables.id))
		.limit(LIST_LIMIT);
	return rows.map((r) => ({ ...toDto(r.deliverable), projectName: r.projectName, clientName: r.clientName }));
}

export async function staffDashboard(scope: TenantScope, access: ClientAccess, now = Date.now()) {
	const [statusCounts, overdue, awaitingApproval, upcoming] = await Promise.all([
		scope.db
			.select({ status: clients.status, n: count() })
			.from(clients)
			.where(scope.where(clients, isNull(clients.deletedAt)))
			.groupBy(clients.status),
		overdueTasks(scope, access, now),
		pendingDeliverables(scope, access),
		scope.db
			.select({ milestone: milestones, projectName: projects.name, clientName: clients.name })
			.from(milestones)
			.innerJoin(projects, and(eq(projects.id, milestones.projectId), eq(projects.tenantId, milestones.tenantId)))
			.innerJoin(clients, and(eq(clients.id, projects.clientId), eq(clients.tenantId, projects.tenantId)))
			.where(
				scope.where(
					milestones,
					isNull(milestones.deletedAt),
					ne(milestones.status, "completed"),
					gte(milestones.dueAt, now),
					lt(milestones.dueAt, now + UPCOMING_WINDOW_MS),
					...visibleProjectJoin(scope, access),
				),
			)
			.orderBy(asc(milestones.dueAt), asc(milestones.id))
			.limit(LIST_LIMIT),
	]);
	const clientsByStatus = Object.fromEntries(CLIENT_STATUSES.map((s) => [s, 0])) as Record<ClientStatus, number>;
	for (const row of statusCounts) clientsByStatus[row.status] = row.n;
	return {
		clientsByStatus,
		overdueTasks: overdue,
		awaitingApproval,
		upcomingMilestones: upcoming.map((r) => ({ ...toDto(r.milestone), projectName: r.projectName, clientName: r.clientName })),
	};
}

export async function clientDashboard(scope: TenantScope, access: ClientAccess) {
	const clientId = access.kind === "own" ? access.clientId : null;
	if (!clientId) return { client: null, projects: [], awaitingMyReview: [], myOpenTasks: [] };
	const [[client], clientProjects] = await Promise.all([
		scope.db
			.select({ id: clients.id, name: clients.name })
			.from(clients)
			.where(scope.where(clients, eq(clients.id, clientId)))
			.limit(1),
		scope.db
			.select()
			.from(projects)
			.where(scope.where(projects, eq(projects.clientId, clientId), isNull(projects.deletedAt), ne(projects.status, "archived")))
			.orderBy(desc(projects.createdAt), desc(projects.id)),
	]);
	const ids = clientProjects.map((p) => p.id);
	const [allMilestones, allTasks, awaitingMyReview] = await Promise.all([
		milestonesOf(scope, ids),
		tasksOf(scope, ids),
		pendingDeliverables(scope, access),
	]);
	const myOpenTasks = allTasks
		.filter((t) => t.assigneeUserId === access.userId && t.status === "open")
		.map((t) => ({
			...toDto(t),
			projectName: clientProjects.find((p) => p.id === t.projectId)?.name ?? "",
			clientName: client?.name ?? "",
		}))
		.sort((a, b) => (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER));
	return {
		client: client ?? null,
		projects: clientProjects.map((p) => {
			const own = allMilestones.filter((m) => m.projectId === p.id);
			const next = own.find((m) => m.status !== "completed");
			return {
				...toDto(p),
				progress: projectProgress(
					own,
					allTasks.filter((t) => t.projectId === p.id),
				),
				nextMilestone: next ? toDto(next) : null,
			};
		}),
		awaitingMyReview,
		myOpenTasks,
	};
}
