/** Route declarations of projects and their milestones. */
import { z } from "@hono/zod-openapi";
import {
	CreateMilestoneBody,
	CreateProjectBody,
	IdParam,
	MilestoneDto,
	MilestoneList,
	PatchProjectBody,
	ProjectDetail,
	ProjectDto,
	ProjectListQuery,
	ProjectPage,
	ReorderMilestonesBody,
	UpdateMilestoneBody,
} from "../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Projects"];
const readErrors = { 404: problemContent("No such project (or not one you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	404: problemContent("No such project or milestone"),
	409: problemContent("The id is used by another record"),
};
const idParams = z.strictObject({ id: IdParam });
const milestoneParams = z.strictObject({ id: IdParam, milestoneId: IdParam });

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/projects",
	tags,
	summary: "Projects with their progress, newest first (cursor pages); a client user sees their own client's",
	permission: "projects:read",
	request: { query: ProjectListQuery },
	responses: { 200: jsonContent(ProjectPage, "One page of projects"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/projects",
	tags,
	summary: "Start a project for a client",
	permission: "projects:write",
	request: { body: jsonBody(CreateProjectBody) },
	responses: { 201: jsonContent(ProjectDto, "The new project"), ...writeErrors },
});

export const get = protectedRoute({
	method: "get",
	path: "/api/v1/projects/{id}",
	tags,
	summary: "A project with percent complete, its milestone timeline, tasks, deliverables and reviews",
	permission: "projects:read",
	request: { params: idParams },
	responses: { 200: jsonContent(ProjectDetail, "The project"), ...readErrors },
});

export const update = protectedRoute({
	method: "patch",
	path: "/api/v1/projects/{id}",
	tags,
	summary: "Edit a project; with fromStatus, a board move that is refused (409) if the status changed meanwhile",
	permission: "projects:write",
	request: { params: idParams, body: jsonBody(PatchProjectBody) },
	responses: {
		200: jsonContent(ProjectDto, "The project as saved"),
		...writeErrors,
		409: problemContent("The status changed since the caller saw it (fromStatus), or the id is used by another record"),
	},
});

export const listMilestones = protectedRoute({
	method: "get",
	path: "/api/v1/projects/{id}/milestones",
	tags,
	summary: "The project's milestones in order",
	permission: "projects:read",
	request: { params: idParams },
	responses: { 200: jsonContent(MilestoneList, "The milestones"), ...readErrors },
});

export const createMilestone = protectedRoute({
	method: "post",
	path: "/api/v1/projects/{id}/milestones",
	tags,
	summary: "Add a milestone at the end of the project's timeline",
	permission: "projects:write",
	request: { params: idParams, body: jsonBody(CreateMilestoneBody) },
	responses: { 201: jsonContent(MilestoneDto, "The new milestone"), ...writeErrors },
});

export const updateMilestone = protectedRoute({
	method: "patch",
	path: "/api/v1/projects/{id}/milestones/{milestoneId}",
	tags,
	summary: "Edit a milestone; setting status to completed emails the client's people once",
	permission: "projects:write",
	request: { params: milestoneParams, body: jsonBody(UpdateMilestoneBody) },
	responses: { 200: jsonContent(MilestoneDto, "The milestone as saved"), ...writeErrors },
});

export const reorderMilestones = protectedRoute({
	method: "put",
	path: "/api/v1/projects/{id}/milestones/order",
	tags,
	summary: "Put the project's milestones in a new order (every milestone listed once)",
	permission: "projects:write",
	request: { params: idParams, body: jsonBody(ReorderMilestonesBody) },
	responses: { 200: jsonContent(MilestoneList, "The milestones in their new order"), ...writeErrors },
});
