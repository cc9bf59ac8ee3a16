/** Route declarations of CRM pipelines, their stages and pipeline reports. */
import { z } from "@hono/zod-openapi";
import {
	CreatePipelineBody,
	CreateStageBody,
	DeleteStageQuery,
	IdParams,
	PipelineDto,
	PipelineList,
	PipelineListQuery,
	PipelineReport,
	PipelineReportQuery,
	ReorderStagesBody,
	StageDto,
	UpdatePipelineBody,
	UpdateStageBody,
} from "../../../../schema/dto/crm-deals";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../../http/openapi-responses";
import { protectedRoute } from "../../../http/protected-route";

const tags = ["CRM"];
/** Staff by their CRM permissions; a client's people by their client's crm_access (checked per workspace). */
export const READ = ["leads:read", "clients:own"] as const;
export const WRITE = ["leads:write", "clients:own"] as const;
const readErrors = { 404: problemContent("No such pipeline or workspace (or not one you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	403: problemContent("You may only read this workspace's CRM (or your role lacks the permission)"),
	404: problemContent("No such pipeline, stage or workspace"),
	409: problemContent("The id is used by another record"),
};

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/crm/pipelines",
	tags,
	summary: "A workspace's pipelines with their stages in order (its first use makes a default pipeline)",
	permission: READ,
	request: { query: PipelineListQuery },
	responses: { 200: jsonContent(PipelineList, "The pipelines"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/crm/pipelines",
	tags,
	summary: "Add a pipeline to a workspace (with the default stages unless stages are given)",
	permission: WRITE,
	request: { body: jsonBody(CreatePipelineBody) },
	responses: { 201: jsonContent(PipelineDto, "The new pipeline"), ...writeErrors },
});

export const rename = protectedRoute({
	method: "patch",
	path: "/api/v1/crm/pipelines/{id}",
	tags,
	summary: "Rename a pipeline",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(UpdatePipelineBody) },
	responses: { 200: jsonContent(PipelineDto, "The pipeline"), ...writeErrors },
});

export const createStage = protectedRoute({
	method: "post",
	path: "/api/v1/crm/pipelines/{id}/stages",
	tags,
	summary: "Add a stage at the end of a pipeline",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(CreateStageBody) },
	responses: { 201: jsonContent(StageDto, "The new stage"), ...writeErrors },
});

export const reorderStages = protectedRoute({
	method: "put",
	path: "/api/v1/crm/pipelines/{id}/stages/order",
	tags,
	summary: "Put a pipeline's stages in a new order (every stage listed once)",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(ReorderStagesBody) },
	responses: { 200: jsonContent(z.object({ stages: z.array(StageDto) }), "The stages in their new order"), ...writeErrors },
});

export const updateStage = protectedRoute({
	method: "patch",
	path: "/api/v1/crm/stages/{id}",
	tags,
	summary: "Rename a stage, change its win probability or kind (kind only while it holds no deals)",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(UpdateStageBody) },
	responses: { 200: jsonContent(StageDto, "The stage"), ...writeErrors },
});

export const deleteStage = protectedRoute({
	method: "delete",
	path: "/api/v1/crm/stages/{id}",
	tags,
	summary: "Delete a stage; one holding deals needs moveDealsTo (409 stage-has-deals without it)",
	permission: WRITE,
	request: { params: IdParams, query: DeleteStageQuery },
	responses: {
		204: { description: "Deleted" },
		...writeErrors,
		409: problemContent("The stage holds deals: say where they go (moveDealsTo)"),
	},
});

export const report = protectedRoute({
	method: "get",
	path: "/api/v1/crm/pipelines/{id}/report",
	tags,
	summary: "Value by stage, weighted forecast (per currency), won value and win rate in a period, average time in stage",
	permission: READ,
	request: { params: IdParams, query: PipelineReportQuery },
	responses: { 200: jsonContent(PipelineReport, "The report"), ...readErrors },
});
