/** Wire shapes of CRM pipelines, stages, deals and pipeline reports (issue #18). */
import { z } from "zod";
import { DEAL_STATUSES, STAGE_KINDS } from "../crm-deals";
import { isKnownCurrency } from "../money";
import { WorkspaceKey } from "./crm-workspaces";
import { IdParam } from "./portal";

const Name = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const Time = z.number().int("must be milliseconds since the epoch").min(0, "must not be negative").max(8_640_000_000_000_000);
const Probability = z.number().int("must be a whole number").min(0, "must be at least 0").max(100, "must be at most 100");
const Amount = z
	.number()
	.int("must be whole minor units (cents)")
	.min(0, "must not be negative")
	.max(Number.MAX_SAFE_INTEGER, "is too large");
const Currency = z
	.string()
	.trim()
	.refine(isKnownCurrency, "must be an ISO 4217 currency code")
	.transform((c) => c.toLowerCase());
const Reason = z.string().trim().max(500, "must be at most 500 characters");
const Limit = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50);
const Cursor = z
	.string()
	.max(500)
	.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint");
const MadeId = IdParam.optional().meta({ description: "A UUIDv7 made by the caller (offline creation); generated when absent" });

export const IdParams = z.strictObject({ id: IdParam });

export const StageDto = z
	.object({
		id: z.string(),
		pipelineId: z.string(),
		name: z.string(),
		position: z.number().int(),
		probability: z.number().int(),
		kind: z.enum(STAGE_KINDS),
	})
	.meta({ id: "CrmStage" });

export const PipelineDto = z
	.object({
		id: z.string(),
		workspace: WorkspaceKey,
		name: z.string(),
		position: z.number().int(),
		stages: z.array(StageDto),
	})
	.meta({ id: "CrmPipeline" });

export const PipelineList = z.object({ pipelines: z.array(PipelineDto) }).meta({ id: "CrmPipelineList" });
export const PipelineListQuery = z.strictObject({ workspace: WorkspaceKey });

const NewStage = z.strictObject({
	id: MadeId,
	name: Name(100),
	probability: Probability,
	kind: z.enum(STAGE_KINDS).default("open"),
});

export const CreatePipelineBody = z.strictObject({
	id: MadeId,
	workspace: WorkspaceKey,
	name: Name(100),
	stages: z.array(NewStage).min(1, "needs at least one stage").max(30, "must be at most 30 stages").optional(),
});
export const UpdatePipelineBody = z.strictObject({ name: Name(100) });
export const CreateStageBody = NewStage;
export const UpdateStageBody = z
	.strictObject({ name: Name(100).optional(), probability: Probability.optional(), kind: z.enum(STAGE_KINDS).optional() })
	.refine((b) => Object.keys(b).length > 0, "must change something");
export const ReorderStagesBody = z.strictObject({ stageIds: z.array(IdParam).min(1, "must list every stage") });
export const DeleteStageQuery = z.strictObject({
	moveDealsTo: IdParam.optional().meta({
		description: "The stage of the same pipeline the stage's deals go to (required when it has deals)",
	}),
});

export const DealDto = z
	.object({
		id: z.string(),
		workspace: WorkspaceKey,
		version: z.number().int(),
		pipelineId: z.string(),
		stageId: z.string(),
		name: z.string(),
		amount: z.number().int(),
		currency: z.string(),
		expectedCloseAt: z.number().int().nullable(),
		ownerUserId: z.string().nullable(),
		companyId: z.string().nullable(),
		status: z.enum(DEAL_STATUSES),
		closeReason: z.string().nullable(),
		closedAt: z.number().int().nullable(),
		stageEnteredAt: z.number().int(),
		createdAt: z.number().int(),
		updatedAt: z.number().int(),
	})
	.meta({ id: "CrmDeal" });

export const StageChangeDto = z
	.object({ fromStageId: z.string().nullable(), toStageId: z.string(), at: z.number().int(), byUserId: z.string().nullable() })
	.meta({ id: "CrmDealStageChange" });

export const DealDetail = z
	.object({ deal: DealDto, contactIds: z.array(z.string()), history: z.array(StageChangeDto) })
	.meta({ id: "CrmDealDetail" });

export const DealPage = z.object({ deals: z.array(DealDto), nextCursor: z.string().nullable() }).meta({ id: "CrmDealPage" });

export const DealListQuery = z.strictObject({
	workspace: WorkspaceKey.optional(),
	pipelineId: IdParam.optional(),
	stageId: IdParam.optional(),
	status: z.enum(DEAL_STATUSES).optional(),
	ownerUserId: IdParam.optional(),
	cursor: Cursor.optional(),
	limit: Limit,
});

export const CreateDealBody = z.strictObject({
	id: MadeId,
	workspace: WorkspaceKey,
	pipelineId: IdParam.optional().meta({ description: "Defaults to the workspace's first pipeline" }),
	stageId: IdParam.optional().meta({ description: "An open stage of the pipeline; defaults to its first" }),
	name: Name(200),
	amount: Amount.default(0),
	currency: Currency,
	expectedCloseAt: Time.nullable().optional(),
	ownerUserId: IdParam.nullable().optional(),
});

export const UpdateDealBody = z
	.strictObject({
		name: Name(200).optional(),
		amount: Amount.optional(),
		currency: Currency.optional(),
		expectedCloseAt: Time.nullable().optional(),
		ownerUserId: IdParam.nullable().optional(),
	})
	.refine((b) => Object.keys(b).length > 0, "must change something");

export const MoveDealBody = z.strictObject({
	toStageId: IdParam,
	fromStageId: IdParam.optional().meta({ description: "The stage the caller saw: a deal moved elsewhere meanwhile answers 409" }),
	reason: Reason.optional().meta({ description: "Why it was won or lost (required for a lost stage)" }),
});

export const CloseDealBody = z.strictObject({
	outcome: z.enum(["won", "lost"]),
	reason: Reason.optional(),
	fromStageId: IdParam.optional(),
});

export const BulkDealsBody = z.strictObject({
	ids: z.array(IdParam).min(1, "must name at least one deal").max(200, "must be at most 200 deals"),
	action: z.discriminatedUnion("kind", [
		z.strictObject({ kind: z.literal("owner"), ownerUserId: IdParam.nullable() }),
		z.strictObject({ kind: z.literal("stage"), stageId: IdParam, reason: Reason.optional() }),
		z.strictObject({ kind: z.literal("delete") }),
	]),
});
export const BulkResult = z.object({ updated: z.number().int() }).meta({ id: "CrmBulkResult" });

const MoneyTotals = z
	.record(z.string(), z.number().int())
	.meta({ description: "Minor units per currency (never added across currencies)" });

export const PipelineReportQuery = z.strictObject({
	from: z.coerce.number().pipe(Time).optional(),
	to: z.coerce.number().pipe(Time).optional(),
});

export const PipelineReport = z
	.object({
		pipelineId: z.string(),
		period: z.object({ from: z.number().int(), to: z.number().int() }),
		byStage: z.array(
			z.object({ stageId: z.string(), name: z.string(), kind: z.enum(STAGE_KINDS), count: z.number().int(), value: MoneyTotals }),
		),
		weightedForecast: MoneyTotals,
		won: z.object({ count: z.number().int(), value: MoneyTotals }),
		lost: z.object({ count: z.number().int() }),
		winRate: z.number().nullable().meta({ description: "won / (won + lost) closed in the period; null when none closed" }),
		timeInStage: z.array(z.object({ stageId: z.string(), averageMs: z.number().nullable(), stays: z.number().int() })),
	})
	.meta({ id: "CrmPipelineReport" });
