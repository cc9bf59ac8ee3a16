/**
 * Moving deals between the stages of their pipeline — one from the board (refused with 409 when it
 * moved elsewhere since the caller saw it, like projects' fromStatus), won or lost with a reason, and
 * the list view's bulk actions (owner, stage, delete). Every stage change lands in the stage history.
 */
import { eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { BulkDealsBody, MoveDealBody } from "../../../../schema/dto/crm-deals";
import { type CrmDeal, type CrmStage, crmDeals } from "../../../../schema/index";
import type { TenantScope } from "../../../lib/db";
import { Problem, problems } from "../../../lib/problem";
import type { Who } from "../../audit/audit-log";
import { assertWorkspace, type WorkspaceAccess } from "../workspace-access";
import { auditCrm } from "./audit";
import { updateDeals } from "./deal-writes";
import { assertDealOwner, dealDto, getVisibleDeal } from "./deals";
import { stagesOf } from "./pipelines";
import { stageHistoryInserts } from "./stage-history";

function staleMove(current: CrmDeal, stages: CrmStage[]): Problem {
	const now = stages.find((s) => s.id === current.stageId)?.name ?? "another stage";
	return new Problem(409, "stage-changed", "Changed meanwhile", `This deal was moved to ${now} meanwhile.`, {
		errors: [{ path: "fromStageId", message: `is no longer the deal's stage (it is ${now})` }],
		extensions: { stageId: current.stageId },
	});
}

/** What a deal entering `stage` sets: its status follows the stage's kind; a lost stage needs a reason. */
function entering(stage: CrmStage, reason: string | undefined, now: number, field = "reason") {
	if (stage.kind === "lost" && !reason) throw problems.validation([{ path: field, message: "is required when a deal is lost" }]);
	const closes = stage.kind !== "open";
	return {
		stageId: stage.id,
		status: stage.kind,
		closedAt: closes ? now : null,
		closeReason: closes ? (reason ?? null) : null,
		stageEnteredAt: now,
		updatedAt: now,
	};
}

/**
 * Moves a deal to another stage of its pipeline. With `fromStageId`, a deal that meanwhile went
 * elsewhere answers 409 and stays (already at `toStageId` is a replay: answered with the deal as is).
 */
export async function moveDeal(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	{ toStageId, fromStageId, reason }: z.infer<typeof MoveDealBody>,
	who: Who,
	now = Date.now(),
) {
	const current = await getVisibleDeal(scope, access, id, "manage");
	const stages = await stagesOf(scope, [current.pipelineId]);
	const target = stages.find((s) => s.id === toStageId);
	if (!target) throw problems.validation([{ path: "toStageId", message: "must be a stage of the deal's pipeline" }]);
	if (current.stageId === toStageId) return dealDto(current);
	if (fromStageId !== undefined && current.stageId !== fromStageId) throw staleMove(current, stages);
	const set = entering(target, reason, now);
	// The update holds only while the deal still stands where it was read: a concurrent move wins once.
	const [row] = await updateDeals(
		scope,
		set,
		eq(crmDeals.id, id),
		eq(crmDeals.stageId, current.stageId),
		isNull(crmDeals.deletedAt),
	).returning();
	if (!row) throw staleMove(await getVisibleDeal(scope, access, id, "manage"), stages);
	for (const insert of stageHistoryInserts(scope, [{ dealId: id, fromStageId: current.stageId, toStageId }], now, who.actor.userId)) {
		await insert;
	}
	const action = target.kind === "open" ? "crm.deal_moved" : "crm.deal_closed";
	await auditCrm(scope, who, action, { type: "crm_deal", id }, { from: current.stageId, to: toStageId, status: target.kind }, now);
	return dealDto(row);
}

/** Marks a deal won or lost: it moves to its pipeline's first stage of that kind. */
export async function closeDeal(
	scope: TenantScope,
	access: WorkspaceAccess,
	id: string,
	input: { outcome: "won" | "lost"; reason?: string; fromStageId?: string },
	who: Who,
	now = Date.now(),
) {
	const current = await getVisibleDeal(scope, access, id, "manage");
	const stage = (await stagesOf(scope, [current.pipelineId])).find((s) => s.kind === input.outcome);
	if (!stage) throw problems.validation([{ path: "outcome", message: `the pipeline has no ${input.outcome} stage` }]);
	return moveDeal(scope, access, id, { toStageId: stage.id, fromStageId: input.fromStageId, reason: input.reason }, who, now);
}

/**
 * One action on many deals (the list view's bulk actions): all or nothing — every deal must be one
 * the caller may manage (404 naming `ids` otherwise) and a stage must be a stage of each deal's pipeline.
 */
export async function bulkDeals(
	scope: TenantScope,
	access: WorkspaceAccess,
	{ ids, action }: z.infer<typeof BulkDealsBody>,
	who: Who,
	now = Date.now(),
) {
	const unique = [...new Set(ids)];
	const deals = await scope.db
		.select()
		.from(crmDeals)
		.where(scope.where(crmDeals, inArray(crmDeals.id, unique), isNull(crmDeals.deletedAt)));
	if (deals.length !== unique.length) throw problems.validation([{ path: "ids", message: "must all be deals you may see" }]);
	for (const deal of deals) assertWorkspace(access, deal.clientId, "manage", "deal");
	const statements = [];
	if (action.kind === "owner") {
		if (action.ownerUserId) {
			for (const clientId of new Set(deals.map((d) => d.clientId)))
				await assertDealOwner(scope, clientId, action.ownerUserId, "action.ownerUserId");
		}
		statements.push(updateDeals(scope, { ownerUserId: action.ownerUserId, updatedAt: now }, inArray(crmDeals.id, unique)));
	} else if (action.kind === "delete") {
		statements.push(updateDeals(scope, { deletedAt: now, updatedAt: now }, inArray(crmDeals.id, unique)));
	} else {
		const stages = await stagesOf(scope, [...new Set(deals.map((d) => d.pipelineId))]);
		const target = stages.find((s) => s.id === action.stageId);
		if (!target || deals.some((d) => d.pipelineId !== target.pipelineId)) {
			throw problems.validation([{ path: "action.stageId", message: "must be a stage of every chosen deal's pipeline" }]);
		}
		const moving = deals.filter((d) => d.stageId !== target.id);
		const set = entering(target, action.reason, now, "action.reason");
		statements.push(
			updateDeals(
				scope,
				set,
				inArray(
					crmDeals.id,
					moving.map((d) => d.id),
				),
			),
			...stageHistoryInserts(
				scope,
				moving.map((d) => ({ dealId: d.id, fromStageId: d.stageId, toStageId: target.id })),
				now,
				who.actor.userId,
			),
		);
	}
	const [first, ...rest] = statements;
	if (first) await scope.db.batch([first, ...rest]);
	const audit = action.kind === "delete" ? "crm.deal_deleted" : action.kind === "owner" ? "crm.deal_updated" : "crm.deal_moved";
	for (const deal of deals) await auditCrm(scope, who, audit, { type: "crm_deal", id: deal.id }, { bulk: true }, now);
	return { updated: deals.length };
}
