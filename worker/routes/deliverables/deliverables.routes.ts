/** Route declarations of deliverables and their reviews. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	CreateDeliverableBody,
	DeliverableDto,
	DeliverableList,
	DeliverableListQuery,
	DeliverableWithReviews,
	IdParam,
	ReviewBody,
} from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../lib/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Deliverables"];
const idParams = z.strictObject({ id: IdParam });
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see deliverables"),
	404: problemContent("No such deliverable (or not one you may see)"),
	422: problemContent("A parameter is invalid"),
};
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot do this"),
	404: problemContent("No such deliverable"),
	409: problemContent("Already approved, or the id is used by another record"),
};

export const list = createRoute({
	method: "get",
	path: "/api/v1/deliverables",
	tags,
	summary: "Deliverables by project or status, newest first",
	middleware: [requirePermission("projects:read")] as const,
	request: { query: DeliverableListQuery },
	responses: { 200: jsonContent(DeliverableList, "The deliverables"), ...readErrors },
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/deliverables",
	tags,
	summary: "Add a deliverable for the client to review (a link needs an https URL)",
	middleware: [requirePermission("projects:write")] as const,
	request: { body: jsonBody(CreateDeliverableBody) },
	responses: { 201: jsonContent(DeliverableDto, "The new deliverable, pending review"), ...writeErrors },
});

export const get = createRoute({
	method: "get",
	path: "/api/v1/deliverables/{id}",
	tags,
	summary: "A deliverable with every review decision and comment",
	middleware: [requirePermission("projects:read")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(DeliverableWithReviews, "The deliverable"), ...readErrors },
});

export const review = createRoute({
	method: "post",
	path: "/api/v1/deliverables/{id}/reviews",
	tags,
	summary: "Approve a deliverable or request changes (a comment is required for changes)",
	middleware: [requirePermission("deliverables:review")] as const,
	request: { params: idParams, body: jsonBody(ReviewBody) },
	responses: { 201: jsonContent(DeliverableWithReviews, "The deliverable with the new review"), ...writeErrors },
});
