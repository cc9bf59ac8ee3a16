/**
 * Milestones of a project: ordered by position, added at the end, edited, completed and reordered.
 * Completing one enqueues the "milestone completed" email to the client's people, keyed by the
 * milestone and the moment of completion, so a re-run sends nothing twice.
 */
import { eq, isNull, max } from "drizzle-orm";
import type { z } from "zod";
import type { CreateMilestoneBody, ReorderMilestonesBody, UpdateMilestoneBody } from "../../../schema/dto/portal";
import { type Milestone, milestones } from "../../../schema/index";
import type { Job } from "../../../schema/jobs";
import { createWithClientMadeId } from "../../lib/client-made-id";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import type { ClientAccess } from "./client-access";
import { milestonesOf } from "./projects";
import { getVisibleProject } from "./visible-project";

export type EnqueueJob = (job: Job) => Promise<void>;

export async function listMilestones(scope: TenantScope, access: ClientAccess, projectId: string) {
	await getVisibleProject(scope, access, projectId);
	return milestonesOf(scope, [projectId]);
}

export async function createMilestone(
	scope: TenantScope,
	access: ClientAccess,
	projectId: string,
	input: z.infer<typeof CreateMilestoneBody>,
	now = Date.now(),
): Promise<Milestone> {
	await getVisibleProject(scope, access, projectId);
	return createWithClientMadeId(scope, milestones, input.id ?? newId(now), {
		isReplay: (existing) => existing.projectId === projectId && existing.title === input.title,
		async values() {
			const [last] = await scope.db
				.select({ position: max(milestones.position) })
				.from(milestones)
				.where(scope.where(milestones, eq(milestones.projectId, projectId), isNull(milestones.deletedAt)));
			return {
				projectId,
				title: input.title,
				dueAt: input.dueAt ?? null,
				position: (last?.position ?? -1) + 1,
				createdAt: now,
				updatedAt: now,
			};
		},
	});
}

async function getMilestone(scope: TenantScope, projectId: string, milestoneId: string): Promise<Milestone> {
	const [row] = await scope.db
		.select()
		.from(milestones)
		.where(scope.where(milestones, eq(milestones.id, milestoneId), eq(milestones.projectId, projectId), isNull(milestones.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no milestone with this id in this project.");
	return row;
}

export async function updateMilestone(
	scope: TenantScope,
	access: ClientAccess,
	enqueue: EnqueueJob,
	ids: { projectId: string; milestoneId: string },
	input: z.infer<typeof UpdateMilestoneBody>,
	now = Date.now(),
): Promise<Milestone> {
	await getVisibleProject(scope, access, ids.projectId);
	const current = await getMilestone(scope, ids.projectId, ids.milestoneId);
	const completing = input.status === "completed" && current.status !== "completed";
	const reopening = input.status !== undefined && input.status !== "completed" && current.status === "completed";
	const completedAt = completing ? now : reopening ? null : current.completedAt;
	const [row] = await scope.update(milestones, { ...input, completedAt, updatedAt: now }, eq(milestones.id, current.id)).returning();
	if (!row) throw problems.notFound("There is no milestone with this id in this project.");
	if (completing) {
		await enqueue({
			type: "milestone-completed-email",
			tenantId: scope.tenantId,
			milestoneId: row.id,
			completedAt: now,
			idempotencyKey: `milestone-completed:${row.id}:${now}`,
		});
	}
	return row;
}

/** Puts the project's milestones in the order given; the list must name each live milestone once. */
export async function reorderMilestones(
	scope: TenantScope,
	access: ClientAccess,
	projectId: string,
	input: z.infer<typeof ReorderMilestonesBody>,
	now = Date.now(),
): Promise<Milestone[]> {
	await getVisibleProject(scope, access, projectId);
	const current = await milestonesOf(scope, [projectId]);
	const known = new Set(current.map((m) => m.id));
	const given = new Set(input.milestoneIds);
	if (given.size !== input.milestoneIds.length || given.size !== known.size || input.milestoneIds.some((id) => !known.has(id))) {
		throw problems.validation([{ path: "milestoneIds", message: "must list every milestone of this project exactly once" }]);
	}
	const [first, ...rest] = input.milestoneIds.map((id, position) =>
		scope.update(milestones, { position, updatedAt: now }, eq(milestones.id, id), eq(milestones.projectId, projectId)),
	);
	if (first) await scope.db.batch([first, ...rest]);
	return milestonesOf(scope, [projectId]);
}
