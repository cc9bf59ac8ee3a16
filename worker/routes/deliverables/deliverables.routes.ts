/** Route declarations of deliverables and their reviews. */
import { z } from "@hono/zod-openapi";
import {
	CreateDeliverableBody,
	DeliverableDto,
	DeliverableList,
	DeliverableListQuery,
	DeliverableWithReviews,
	IdParam,
	ReviewBody,
} from "../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Deliverables"];
const idParams = z.strictObject({ id: IdParam });
const readErrors = { 404: problemContent("No such deliverable (or not one you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	404: problemContent("No such deliverable"),
	409: problemContent("Already approved, or the id is used by another record"),
};

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/deliverables",
	tags,
	summary: "Deliverables by project or status, newest first",
	permission: "projects:read",
	request: { query: DeliverableListQuery },
	responses: { 200: jsonContent(DeliverableList, "The deliverables"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/deliverables",
	tags,
	summary: "Add a deliverable for the client to review (a link needs an https URL)",
	permission: "projects:write",
	request: { body: jsonBody(CreateDeliverableBody) },
	responses: { 201: jsonContent(DeliverableDto, "The new deliverable, pending review"), ...writeErrors },
});

export const get = protectedRoute({
	method: "get",
	path: "/api/v1/deliverables/{id}",
	tags,
	summary: "A deliverable with every review decision and comment",
	permission: "projects:read",
	request: { params: idParams },
	responses: { 200: jsonContent(DeliverableWithReviews, "The deliverable"), ...readErrors },
});

export const review = protectedRoute({
	method: "post",
	path: "/api/v1/deliverables/{id}/reviews",
	tags,
	summary: "Approve a deliverable or request changes (a comment is required for changes)",
	permission: "deliverables:review",
	request: { params: idParams, body: jsonBody(ReviewBody) },
	responses: { 201: jsonContent(DeliverableWithReviews, "The deliverable with the new review"), ...writeErrors },
});
