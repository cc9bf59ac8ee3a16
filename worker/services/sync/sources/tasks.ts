/** Sync source: tasks, visible with their project; staff create and edit them, the assignee (or staff) completes them. */
import { and, eq, inArray } from "drizzle-orm";
import { projects, tasks } from "../../../../schema/index";
import { completeTask, createTask, getVisibleTask, updateTask } from "../../portal/tasks";
import { toDto } from "../../portal/visible-project";
import type { MutationHandler, SyncSourceParts } from "../source";
import { childRecord } from "./project-children";

export const tasksSource: SyncSourceParts = {
	readPermissions: ["projects:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({ row: tasks, clientId: projects.clientId, projectDeletedAt: projects.deletedAt })
			.from(tasks)
			.leftJoin(projects, and(eq(projects.id, tasks.projectId), eq(projects.tenantId, tasks.tenantId)))
			.where(scope.where(tasks, inArray(tasks.id, ids)));
		return rows.map((r) => childRecord(r.row, r.clientId, r.projectDeletedAt));
	},
};

export const createTaskMutation: MutationHandler<"task.create"> = {
	type: "task.create",
	entity: "tasks",
	permission: "projects:write",
	rules: {},
	creates: true,
	current: async () => null,
	changesOf: (m) => m.changes,
	async write(ctx, m) {
		await createTask(ctx.scope, ctx.access, { ...m.changes, id: m.recordId }, ctx.now);
	},
};

export const updateTaskMutation: MutationHandler<"task.update"> = {
	type: "task.update",
	entity: "tasks",
	permission: "projects:write",
	rules: { milestoneId: "simple", title: "simple", description: "text", assigneeUserId: "simple", dueAt: "simple", status: "status" },
	current: async (ctx, m) => toDto(await getVisibleTask(ctx.scope, ctx.access, m.recordId)),
	changesOf: (m) => m.changes,
	async write(ctx, m, changes) {
		await updateTask(ctx.scope, ctx.access, m.recordId, changes, ctx.now);
	},
};

export const completeTaskMutation: MutationHandler<"task.complete"> = {
	type: "task.complete",
	entity: "tasks",
	permission: "tasks:complete",
	rules: { status: "status" },
	current: async (ctx, m) => toDto(await getVisibleTask(ctx.scope, ctx.access, m.recordId)),
	changesOf: () => ({ status: "done" }),
	async write(ctx, m) {
		await completeTask(ctx.scope, ctx.access, m.recordId, ctx.now);
	},
};
