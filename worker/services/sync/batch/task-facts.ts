/**
 * What a run of task mutations needs to be decided in memory, read up front in ONE D1 batch of
 * chunked selects, each of one table (a D1 batch returns rows as objects, so a join's columns of
 * the same name would collide): the tasks (any state) and their projects, the projects new tasks go to, the
 * milestones and assignees they name, each task's current version and its fields' sync clocks, and
 * which of the ids are taken by another agency's task (ids are unique across agencies).
 */
import { eq, inArray, isNull, max } from "drizzle-orm";
import type { SyncMutationT } from "../../../../schema/dto/sync";
import {
	clientMembers,
	type Milestone,
	memberships,
	milestones,
	type Project,
	projects,
	syncChanges,
	syncFieldClocks,
	type Task,
	tasks,
} from "../../../../schema/index";
import { chunked } from "../../../lib/chunks";
import type { TenantScope } from "../../../lib/db";
import { readInOneBatch } from "../../../lib/one-batch";

export type TaskMutation = Extract<SyncMutationT, { type: "task.create" | "task.update" | "task.complete" }>;

export const isTaskMutation = (m: SyncMutationT): m is TaskMutation =>
	m.type === "task.create" || m.type === "task.update" || m.type === "task.complete";

export type FieldClock = { hlc: string; seq: number };

/** The batch's view of the database, updated in memory as each mutation is decided. */
export type TaskFacts = {
	/** By task id: the task (null when absent) and its project (null when absent). */
	tasks: Map<string, { task: Task; project: Project | null }>;
	projects: Map<string, Project>;
	milestones: Map<string, Milestone>;
	/** A user's membership role in the tenant. */
	roles: Map<string, string>;
	/** `userId clientId` of live client links. */
	clientLinks: Set<string>;
	/** A task's version: the seq of its latest change (absent: 0). */
	versions: Map<string, number>;
	/** A task's per-field sync clocks. */
	clocks: Map<string, Map<string, FieldClock>>;
	/** Ids of the run held by a task of ANOTHER agency: a create may not take them (nothing else of it is read). */
	takenElsewhere: Set<string>;
};

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === "string"))];

export async function loadTaskFacts(scope: TenantScope, run: readonly TaskMutation[]): Promise<TaskFacts> {
	const taskIds = unique(run.map((m) => m.recordId));
	const projectIds = unique(run.map((m) => (m.type === "task.create" ? m.changes.projectId : null)));
	const milestoneIds = unique(run.map((m) => (m.type === "task.complete" ? null : m.changes.milestoneId)));
	const assignees = unique(run.map((m) => (m.type === "task.complete" ? null : m.changes.assigneeUserId)));
	const { db, where } = scope;
	const read = await readInOneBatch(db, {
		tasks: chunked(taskIds).map((ids) =>
			db
				.select()
				.from(tasks)
				.where(where(tasks, inArray(tasks.id, ids))),
		),
		projectsOfTasks: chunked(taskIds).map((ids) =>
			db
				.select()
				.from(projects)
				.where(
					where(
						projects,
						inArray(
							projects.id,
							db
								.select({ id: tasks.projectId })
								.from(tasks)
								.where(where(tasks, inArray(tasks.id, ids))),
						),
					),
				),
		),
		projects: chunked(projectIds).map((ids) =>
			db
				.select()
				.from(projects)
				.where(where(projects, inArray(projects.id, ids))),
		),
		milestones: chunked(milestoneIds).map((ids) =>
			db
				.select()
				.from(milestones)
				.where(where(milestones, inArray(milestones.id, ids))),
		),
		roles: chunked(assignees).map((ids) =>
			db
				.select({ userId: memberships.userId, role: memberships.role })
				.from(memberships)
				.where(where(memberships, inArray(memberships.userId, ids))),
		),
		links: chunked(assignees).map((ids) =>
			db
				.select({ userId: clientMembers.userId, clientId: clientMembers.clientId })
				.from(clientMembers)
				.where(where(clientMembers, inArray(clientMembers.userId, ids), isNull(clientMembers.deletedAt))),
		),
		versions: chunked(taskIds).map((ids) =>
			db
				.select({ recordId: syncChanges.recordId, seq: max(syncChanges.seq) })
				.from(syncChanges)
				.where(where(syncChanges, eq(syncChanges.entity, "tasks"), inArray(syncChanges.recordId, ids)))
				.groupBy(syncChanges.recordId),
		),
		// Platform-wide by nature: ids are unique across agencies. Only the ids are read, and only to refuse them.
		anyAgency: chunked(taskIds).map((ids) =>
			db.select({ id: tasks.id, tenantId: tasks.tenantId }).from(tasks).where(inArray(tasks.id, ids)),
		),
		clocks: chunked(taskIds).map((ids) =>
			db
				.select()
				.from(syncFieldClocks)
				.where(where(syncFieldClocks, eq(syncFieldClocks.entity, "tasks"), inArray(syncFieldClocks.recordId, ids))),
		),
	});
	const clocks = new Map<string, Map<string, FieldClock>>();
	for (const c of read.clocks) {
		const fields = clocks.get(c.recordId) ?? new Map<string, FieldClock>();
		fields.set(c.field, { hlc: c.hlc, seq: c.seq });
		clocks.set(c.recordId, fields);
	}
	const roles = new Map<string, string>();
	for (const r of read.roles) if (!roles.has(r.userId)) roles.set(r.userId, r.role);
	const projectsById = new Map([...read.projectsOfTasks, ...read.projects].map((p) => [p.id, p]));
	return {
		tasks: new Map(read.tasks.map((task) => [task.id, { task, project: projectsById.get(task.projectId) ?? null }])),
		projects: projectsById,
		milestones: new Map(read.milestones.map((m) => [m.id, m])),
		roles,
		clientLinks: new Set(read.links.map((l) => `${l.userId} ${l.clientId}`)),
		versions: new Map(read.versions.map((v) => [v.recordId, v.seq ?? 0])),
		clocks,
		takenElsewhere: new Set(read.anyAgency.filter((t) => t.tenantId !== scope.tenantId).map((t) => t.id)),
	};
}
