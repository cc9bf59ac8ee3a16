/** Sync source: projects, visible with their client (portal access rules); staff edit fields. */
import { inArray } from "drizzle-orm";
import { projects } from "../../../../schema/index";
import { updateProject } from "../../portal/projects";
import { getVisibleProject, toDto } from "../../portal/visible-project";
import type { MutationHandler, SyncSourceParts } from "../source";

export const projectsSource: SyncSourceParts = {
	readPermissions: ["projects:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select()
			.from(projects)
			.where(scope.where(projects, inArray(projects.id, ids)));
		return rows.map((row) => ({ id: row.id, clientId: row.clientId, live: row.deletedAt === null, record: toDto(row) }));
	},
};

export const updateProjectMutation: MutationHandler<"project.update"> = {
	type: "project.update",
	entity: "projects",
	permission: "projects:write",
	rules: { name: "simple", description: "text", status: "status", startsAt: "simple", dueAt: "simple" },
	current: async (ctx, m) => toDto(await getVisibleProject(ctx.scope, ctx.access, m.recordId)),
	changesOf: (m) => m.changes,
	async write(ctx, m, changes) {
		await updateProject(ctx.scope, ctx.access, m.recordId, changes, ctx.now);
	},
};
