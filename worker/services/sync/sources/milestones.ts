/** Sync source: milestones, visible with their project; staff edit title, due date and status. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { milestones, projects } from "../../../../schema/index";
import { problems } from "../../../lib/problem";
import { updateMilestone } from "../../portal/milestones";
import { getVisibleProject, toDto } from "../../portal/visible-project";
import type { MutationContext, MutationHandler, SyncSourceParts } from "../source";
import { childRecord } from "./project-children";

export const milestonesSource: SyncSourceParts = {
	readPermissions: ["projects:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({ row: milestones, clientId: projects.clientId, projectDeletedAt: projects.deletedAt })
			.from(milestones)
			.leftJoin(projects, and(eq(projects.id, milestones.projectId), eq(projects.tenantId, milestones.tenantId)))
			.where(scope.where(milestones, inArray(milestones.id, ids)));
		return rows.map((r) => childRecord(r.row, r.clientId, r.projectDeletedAt));
	},
};

/** A live milestone of a project the user may see, or 404 (the REST route's answer). */
async function visibleMilestone(ctx: MutationContext, id: string) {
	const [row] = await ctx.scope.db
		.select()
		.from(milestones)
		.where(ctx.scope.where(milestones, eq(milestones.id, id), isNull(milestones.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no milestone with this id.");
	await getVisibleProject(ctx.scope, ctx.access, row.projectId);
	return row;
}

export const updateMilestoneMutation: MutationHandler<"milestone.update"> = {
	type: "milestone.update",
	entity: "milestones",
	permission: "projects:write",
	rules: { title: "simple", dueAt: "simple", status: "status" },
	current: async (ctx, m) => toDto(await visibleMilestone(ctx, m.recordId)),
	changesOf: (m) => m.changes,
	async write(ctx, m, changes) {
		const row = await visibleMilestone(ctx, m.recordId);
		await updateMilestone(ctx.scope, ctx.access, ctx.enqueue, { projectId: row.projectId, milestoneId: row.id }, changes, ctx.now);
	},
};
