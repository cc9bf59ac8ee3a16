/**
 * A workspace's pipelines and their ordered stages: listed (a workspace gets its default pipeline on
 * first use), created, renamed; stages added, edited, reordered and deleted (a stage holding deals is
 * deleted only when the caller says which stage of the pipeline they move to).
 */
import { asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import { DEFAULT_STAGES, type StageKind } from "../../../../schema/crm-deals";
import type { CreatePipelineBody, CreateStageBody, ReorderStagesBody, UpdateStageBody } from "../../../../schema/dto/crm-deals";
import { clientIdOfWorkspace, type WorkspaceKeyT, workspaceKeyOf } from "../../../../schema/dto/crm-workspaces";
import { type CrmPipeline, type CrmStage, crmDeals, crmPipelines, crmStages } from "../../../../schema/index";
import { chunked } from "../../../lib/chunks";
import { insertWithClientMadeId } from "../../../lib/client-made-id";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { Problem, problems } from "../../../lib/problem";
import type { Who } from "../../audit/audit-log";
import { assertWorkspace, assertWorkspaceUsable, type WorkspaceAccess, type WorkspaceNeed } from "../workspace-access";
import { auditCrm } from "./audit";
import { updateDeals } from "./deal-writes";
import { stageHistoryInserts } from "./stage-history";

export function stageDto(stage: CrmStage) {
	return {
		id: stage.id,
		pipelineId: stage.pipelineId,
		name: stage.name,
		position: stage.position,
		probability: stage.probability,
		kind: stage.kind,
	};
}

export function pipelineDto(pipeline: CrmPipeline, stages: CrmStage[]) {
	return {
		id: pipeline.id,
		workspace: workspaceKeyOf(pipeline.clientId),
		name: pipeline.name,
		position: pipeline.position,
		stages: stages.filter((s) => s.pipelineId === pipeline.id).map(stageDto),
	};
}

/** The live stages of `pipelineIds`, in order. */
export async function stagesOf(scope: TenantScope, pipelineIds: string[]): Promise<CrmStage[]> {
	if (pipelineIds.length === 0) return [];
	return scope.db
		.select()
		.from(crmStages)
		.where(scope.where(crmStages, inArray(crmStages.pipelineId, pipelineIds), isNull(crmStages.deletedAt)))
		.orderBy(asc(crmStages.pipelineId), asc(crmStages.position), asc(crmStages.id));
}

/** A live pipeline `access` may use as `need` asks (404 when it may not see it). */
export async function getVisiblePipeline(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	need: WorkspaceNeed,
): Promise<CrmPipeline> {
	const [row] = await scope.db
		.select()
		.from(crmPipelines)
		.where(scope.where(crmPipelines, eq(crmPipelines.id, id), isNull(crmPipelines.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no pipeline with this id.");
	assertWorkspace(access, row.clientId, need, "pipeline");
	return row;
}

/** A live stage and its pipeline, within what `access` may do. */
export async function getVisibleStage(scope: TenantScope, access: WorkspaceAccess, id: string, need: WorkspaceNeed) {
	const [row] = await scope.db
		.select()
		.from(crmStages)
		.where(scope.where(crmStages, eq(crmStages.id, id), isNull(crmStages.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no stage with this id.");
	const pipeline = await getVisiblePipeline(scope, access, row.pipelineId, need).catch((error: unknown) => {
		throw error instanceof Problem && error.status === 404 ? problems.notFound("There is no stage with this id.") : error;
	});
	return { stage: row, pipeline };
}

async function livePipelines(scope: TenantScope, clientId: string | null): Promise<CrmPipeline[]> {
	return scope.db
		.select()
		.from(crmPipelines)
		.where(
			scope.where(
				crmPipelines,
				clientId === null ? isNull(crmPipelines.clientId) : eq(crmPipelines.clientId, clientId),
				isNull(crmPipelines.deletedAt),
			),
		)
		.orderBy(asc(crmPipelines.position), asc(crmPipelines.id));
}

type NewStage = { id?: string; name: string; probability: number; kind: StageKind };

/** Inserts a new pipeline's stages in order (ten parameters a row: nine rows a statement keep under D1's 100). */
async function insertStages(scope: TenantScope, pipelineId: string, stages: readonly NewStage[], now: number): Promise<void> {
	const rows = stages.map((stage, position) => ({
		id: stage.id ?? newId(now),
		tenantId: scope.tenantId,
		pipelineId,
		name: stage.name,
		probability: stage.probability,
		kind: stage.kind,
		position,
		createdAt: now,
		updatedAt: now,
	}));
	for (const slice of chunked(rows, 9)) await scope.db.insert(crmStages).values(slice);
}

/** Makes the workspace's default pipeline unless it has one (two first uses at once make one: `default_key` is unique). */
async function ensureDefaultPipeline(scope: TenantScope, clientId: string | null, now: number): Promise<void> {
	const id = newId(now);
	const [made] = await scope
		.insert(crmPipelines, {
			id,
			clientId,
			name: "Sales",
			position: 0,
			defaultKey: workspaceKeyOf(clientId),
			createdAt: now,
			updatedAt: now,
		})
		.onConflictDoNothing()
		.returning();
	if (!made) return;
	await insertStages(scope, id, DEFAULT_STAGES, now);
}

/** The workspace's pipelines with their stages; its first use makes the default pipeline. */
export async function listPipelines(scope: TenantScope, access: WorkspaceAccess, workspace: WorkspaceKeyT, now = Date.now()) {
	const clientId = clientIdOfWorkspace(workspace);
	await assertWorkspaceUsable(scope, access, clientId, "read", "workspace");
	let pipelines = await livePipelines(scope, clientId);
	if (pipelines.length === 0) {
		await ensureDefaultPipeline(scope, clientId, now);
		pipelines = await livePipelines(scope, clientId);
	}
	const stages = await stagesOf(
		scope,
		pipelines.map((p) => p.id),
	);
	return pipelines.map((p) => pipelineDto(p, stages));
}

export async function createPipeline(
	scope: TenantScope,
	access: WorkspaceAccess,
	input: z.infer<typeof CreatePipelineBody>,
	who: Who,
	now = Date.now(),
) {
	const clientId = clientIdOfWorkspace(input.workspace);
	await assertWorkspaceUsable(scope, access, clientId, "manage", "workspace");
	const { row, created } = await insertWithClientMadeId(scope, crmPipelines, input.id ?? newId(now), {
		isReplay: (existing) => existing.clientId === clientId && existing.name === input.name,
		values: async () => ({
			clientId,
			name: input.name,
			position: (await livePipelines(scope, clientId)).length,
			createdAt: now,
			updatedAt: now,
		}),
	});
	if (created) {
		await insertStages(scope, row.id, input.stages ?? DEFAULT_STAGES, now);
		await auditCrm(scope, who, "crm.pipeline_created", { type: "crm_pipeline", id: row.id }, { name: row.name }, now);
	}
	return pipelineDto(row, await stagesOf(scope, [row.id]));
}

export async function renamePipeline(scope: TenantScope, access: WorkspaceAccess, id: string, name: string, who: Who, now = Date.now()) {
	const current = await getVisiblePipeline(scope, access, id, "manage");
	if (current.name !== name) {
		await scope.update(crmPipelines, { name, updatedAt: now }, eq(crmPipelines.id, id));
		await auditCrm(scope, who, "crm.pipeline_updated", { type: "crm_pipeline", id }, { from: current.name, to: name }, now);
	}
	return pipelineDto({ ...current, name }, await stagesOf(scope, [id]));
}

export async function createStage(
	scope: TenantScope,
	access: WorkspaceAccess,
	pipelineId: string,
	input: z.infer<typeof CreateStageBody>,
	who: Who,
	now = Date.now(),
) {
	await getVisiblePipeline(scope, access, pipelineId, "manage");
	const { row, created } = await insertWithClientMadeId(scope, crmStages, input.id ?? newId(now), {
		isReplay: (existing) => existing.pipelineId === pipelineId && existing.name === input.name,
		values: async () => ({
			pipelineId,
			name: input.name,
			probability: input.probability,
			kind: input.kind,
			position: (await stagesOf(scope, [pipelineId])).length,
			createdAt: now,
			updatedAt: now,
		}),
	});
	if (created) await auditCrm(scope, who, "crm.stage_created", { type: "crm_stage", id: row.id }, { name: row.name }, now);
	return stageDto(row);
}

export async function updateStage(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	input: z.infer<typeof UpdateStageBody>,
	who: Who,
	now = Date.now(),
) {
	const { stage } = await getVisibleStage(scope, access, id, "manage");
	if (input.kind && input.kind !== stage.kind && (await dealsIn(scope, id)) > 0) {
		throw problems.validation([{ path: "kind", message: "cannot change while the stage holds deals; move them first" }]);
	}
	const [row] = await scope.update(crmStages, { ...input, updatedAt: now }, eq(crmStages.id, id)).returning();
	await auditCrm(scope, who, "crm.stage_updated", { type: "crm_stage", id }, { ...input }, now);
	return stageDto(row ?? stage);
}

export async function reorderStages(
	scope: TenantScope,
	access: WorkspaceAccess,
	pipelineId: string,
	{ stageIds }: z.infer<typeof ReorderStagesBody>,
	who: Who,
	now = Date.now(),
) {
	await getVisiblePipeline(scope, access, pipelineId, "manage");
	const stages = await stagesOf(scope, [pipelineId]);
	const known = new Set(stages.map((s) => s.id));
	if (stageIds.length !== stages.length || new Set(stageIds).size !== stageIds.length || !stageIds.every((id) => known.has(id))) {
		throw problems.validation([{ path: "stageIds", message: "must list each of the pipeline's stages once" }]);
	}
	await scope.db.batch([
		scope.update(crmStages, { position: 0, updatedAt: now }, eq(crmStages.id, stageIds[0] ?? "")),
		...stageIds.slice(1).map((id, i) => scope.update(crmStages, { position: i + 1, updatedAt: now }, eq(crmStages.id, id))),
	]);
	await auditCrm(scope, who, "crm.stages_reordered", { type: "crm_pipeline", id: pipelineId }, undefined, now);
	return (await stagesOf(scope, [pipelineId])).map(stageDto);
}

async function dealsIn(scope: TenantScope, stageId: string): Promise<number> {
	const [row] = await scope.db
		.select({ n: count() })
		.from(crmDeals)
		.where(scope.where(crmDeals, eq(crmDeals.stageId, stageId), isNull(crmDeals.deletedAt)));
	return row?.n ?? 0;
}

/**
 * Deletes a stage. One holding deals asks where they go: without `moveDealsTo` it answers 409
 * (`stage-has-deals`, with the count); with it, its deals move there (a stage change in their
 * history) and the stage goes. A pipeline keeps at least one stage.
 */
export async function deleteStage(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	moveDealsTo: string | undefined,
	who: Who,
	now = Date.now(),
) {
	const { stage } = await getVisibleStage(scope, access, id, "manage");
	const stages = await stagesOf(scope, [stage.pipelineId]);
	if (stages.length === 1) throw problems.validation([{ path: "id", message: "is the pipeline's last stage" }]);
	const held = await dealsIn(scope, id);
	if (held > 0 && moveDealsTo === undefined) {
		throw new Problem(409, "stage-has-deals", "The stage holds deals", `${held} deals stand in this stage: say which stage they move to.`, {
			errors: [{ path: "moveDealsTo", message: "is required: the stage holds deals" }],
			extensions: { deals: held },
		});
	}
	const target = moveDealsTo === undefined ? undefined : stages.find((s) => s.id === moveDealsTo && s.id !== id);
	if (moveDealsTo !== undefined && !target) {
		throw problems.validation([{ path: "moveDealsTo", message: "must be another stage of the same pipeline" }]);
	}
	const statements = [];
	if (target && held > 0) {
		const moved = await scope.db
			.select({ id: crmDeals.id })
			.from(crmDeals)
			.where(scope.where(crmDeals, eq(crmDeals.stageId, id), isNull(crmDeals.deletedAt)));
		statements.push(
			...stageHistoryInserts(
				scope,
				moved.map((d) => ({ dealId: d.id, fromStageId: id, toStageId: target.id })),
				now,
				who.actor.userId,
			),
		);
		const closes = target.kind !== "open";
		statements.push(
			updateDeals(
				scope,
				{ stageId: target.id, status: target.kind, closedAt: closes ? now : null, stageEnteredAt: now, updatedAt: now },
				eq(crmDeals.stageId, id),
				isNull(crmDeals.deletedAt),
			),
		);
	}
	const remaining = stages.filter((s) => s.id !== id);
	statements.push(scope.update(crmStages, { deletedAt: now, updatedAt: now }, eq(crmStages.id, id)));
	statements.push(...remaining.map((s, position) => scope.update(crmStages, { position, updatedAt: now }, eq(crmStages.id, s.id))));
	const [first, ...rest] = statements;
	if (first) await scope.db.batch([first, ...rest]);
	await auditCrm(scope, who, "crm.stage_deleted", { type: "crm_stage", id }, { movedDeals: held, to: target?.id ?? null }, now);
}
