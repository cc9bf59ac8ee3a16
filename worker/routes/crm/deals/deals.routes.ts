/** Route declarations of CRM deals: list, create, detail, edit, move, won/lost, bulk actions, delete. */
import {
	BulkDealsBody,
	BulkResult,
	CloseDealBody,
	CreateDealBody,
	DealDetail,
	DealDto,
	DealListQuery,
	DealPage,
	IdParams,
	MoveDealBody,
	UpdateDealBody,
} from "../../../../schema/dto/crm-deals";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../../http/openapi-responses";
import { protectedRoute } from "../../../http/protected-route";
import { READ, WRITE } from "./pipelines.routes";

const tags = ["CRM"];
const readErrors = { 404: problemContent("No such deal or workspace (or not one you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	403: problemContent("You may only read this workspace's CRM (or your role lacks the permission)"),
	404: problemContent("No such deal or workspace"),
	409: problemContent("The id is used by another record"),
};
const moveErrors = {
	...writeErrors,
	409: problemContent("The deal moved to another stage since the caller saw it (fromStageId): nothing changed"),
};

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/crm/deals",
	tags,
	summary: "Deals newest first (cursor pages), filtered by workspace, pipeline, stage, status or owner",
	permission: READ,
	request: { query: DealListQuery },
	responses: { 200: jsonContent(DealPage, "One page of deals"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/crm/deals",
	tags,
	summary: "Add a deal to an open stage of a workspace's pipeline (a retried create with the same id changes nothing)",
	permission: WRITE,
	request: { body: jsonBody(CreateDealBody) },
	responses: { 201: jsonContent(DealDto, "The new deal"), ...writeErrors },
});

export const get = protectedRoute({
	method: "get",
	path: "/api/v1/crm/deals/{id}",
	tags,
	summary: "A deal with its contacts and stage history",
	permission: READ,
	request: { params: IdParams },
	responses: { 200: jsonContent(DealDetail, "The deal"), ...readErrors },
});

export const update = protectedRoute({
	method: "patch",
	path: "/api/v1/crm/deals/{id}",
	tags,
	summary: "Edit a deal's name, amount, currency, expected close date or owner",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(UpdateDealBody) },
	responses: { 200: jsonContent(DealDto, "The deal as saved"), ...writeErrors },
});

export const move = protectedRoute({
	method: "post",
	path: "/api/v1/crm/deals/{id}/move",
	tags,
	summary: "Move a deal to another stage of its pipeline (a won or lost stage closes it; lost needs a reason)",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(MoveDealBody) },
	responses: { 200: jsonContent(DealDto, "The deal as moved"), ...moveErrors },
});

export const close = protectedRoute({
	method: "post",
	path: "/api/v1/crm/deals/{id}/close",
	tags,
	summary: "Mark a deal won or lost with a reason (it moves to its pipeline's won or lost stage)",
	permission: WRITE,
	request: { params: IdParams, body: jsonBody(CloseDealBody) },
	responses: { 200: jsonContent(DealDto, "The deal as closed"), ...moveErrors },
});

export const bulk = protectedRoute({
	method: "post",
	path: "/api/v1/crm/deals/bulk",
	tags,
	summary: "Set the owner, move to a stage, or delete many deals at once (all or nothing)",
	permission: WRITE,
	request: { body: jsonBody(BulkDealsBody) },
	responses: { 200: jsonContent(BulkResult, "How many deals changed"), ...writeErrors },
});

export const remove = protectedRoute({
	method: "delete",
	path: "/api/v1/crm/deals/{id}",
	tags,
	summary: "Delete a deal",
	permission: WRITE,
	request: { params: IdParams },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});
