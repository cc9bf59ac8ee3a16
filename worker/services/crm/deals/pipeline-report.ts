/**
 * A pipeline's report: value by stage and the weighted forecast over its live deals, won value, win
 * rate in a period (default: the last 90 days), and average time in stage from the stage history.
 * The arithmetic is report-math.ts; this module reads the rows.
 */
import { eq, isNull } from "drizzle-orm";
import { crmDealStageHistory, crmDeals } from "../../../../schema/index";
import type { TenantScope } from "../../../lib/db";
import type { WorkspaceAccess } from "../workspace-access";
import { getVisiblePipeline, stagesOf } from "./pipelines";
import { averageTimeInStage, closedInPeriod, valueByStage, weightedForecast } from "./report-math";

const DAY = 86_400_000;

export async function pipelineReport(
	scope: TenantScope,
	access: WorkspaceAccess,
	pipelineId: string,
	period: { from?: number; to?: number },
	now = Date.now(),
) {
	await getVisiblePipeline(scope, access, pipelineId, "read");
	const to = period.to ?? now + 1;
	const from = period.from ?? to - 90 * DAY;
	const [stages, deals, history] = await Promise.all([
		stagesOf(scope, [pipelineId]),
		scope.db
			.select({
				stageId: crmDeals.stageId,
				amount: crmDeals.amount,
				currency: crmDeals.currency,
				status: crmDeals.status,
				closedAt: crmDeals.closedAt,
			})
			.from(crmDeals)
			.where(scope.where(crmDeals, eq(crmDeals.pipelineId, pipelineId), isNull(crmDeals.deletedAt))),
		scope.db
			.select({ dealId: crmDealStageHistory.dealId, toStageId: crmDealStageHistory.toStageId, at: crmDealStageHistory.at })
			.from(crmDealStageHistory)
			.innerJoin(crmDeals, eq(crmDeals.id, crmDealStageHistory.dealId))
			.where(scope.where(crmDealStageHistory, eq(crmDeals.pipelineId, pipelineId), isNull(crmDeals.deletedAt))),
	]);
	const names = new Map(stages.map((s) => [s.id, s]));
	return {
		pipelineId,
		period: { from, to },
		byStage: valueByStage(stages, deals).map((row) => ({
			...row,
			name: names.get(row.stageId)?.name ?? "",
			kind: names.get(row.stageId)?.kind ?? "open",
		})),
		weightedForecast: weightedForecast(stages, deals),
		...closedInPeriod(deals, from, to),
		timeInStage: averageTimeInStage(stages, history),
	};
}
