/** Route declarations of projects and their milestones. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	CreateMilestoneBody,
	CreateProjectBody,
	IdParam,
	MilestoneDto,
	MilestoneList,
	ProjectDetail,
	ProjectDto,
	ProjectListQuery,
	ProjectPage,
	ReorderMilestonesBody,
	UpdateMilestoneBody,
	UpdateProjectBody,
} from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../lib/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Projects"];
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see projects"),
	404: problemContent("No such project (or not one you may see)"),
	422: problemContent("A parameter is invalid"),
};
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot change projects"),
	404: problemContent("No such project or milestone"),
	409: problemContent("The id is used by another record"),
};
const idParams = z.strictObject({ id: IdParam });
const milestoneParams = z.strictObject({ id: IdParam, milestoneId: IdParam });
const canRead = requirePermission("projects:read");
const canWrite = requirePermission("projects:write");

export const list = createRoute({
	method: "get",
	path: "/api/v1/projects",
	tags,
	summary: "Projects with their progress, newest first (cursor pages); a client user sees their own client's",
	middleware: [canRead] as const,
	request: { query: ProjectListQuery },
	responses: { 200: jsonContent(ProjectPage, "One page of projects"), ...readErrors },
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/projects",
	tags,
	summary: "Start a project for a client",
	middleware: [canWrite] as const,
	request: { body: jsonBody(CreateProjectBody) },
	responses: { 201: jsonContent(ProjectDto, "The new project"), ...writeErrors },
});

export const get = createRoute({
	method: "get",
	path: "/api/v1/projects/{id}",
	tags,
	summary: "A project with percent complete, its milestone timeline, tasks, deliverables and reviews",
	middleware: [canRead] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(ProjectDetail, "The project"), ...readErrors },
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/projects/{id}",
	tags,
	summary: "Edit a project",
	middleware: [canWrite] as const,
	request: { params: idParams, body: jsonBody(UpdateProjectBody) },
	responses: { 200: jsonContent(ProjectDto, "The project as saved"), ...writeErrors },
});

export const listMilestones = createRoute({
	method: "get",
	path: "/api/v1/projects/{id}/milestones",
	tags,
	summary: "The project's milestones in order",
	middleware: [canRead] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(MilestoneList, "The milestones"), ...readErrors },
});

export const createMilestone = createRoute({
	method: "post",
	path: "/api/v1/projects/{id}/milestones",
	tags,
	summary: "Add a milestone at the end of the project's timeline",
	middleware: [canWrite] as const,
	request: { params: idParams, body: jsonBody(CreateMilestoneBody) },
	responses: { 201: jsonContent(MilestoneDto, "The new milestone"), ...writeErrors },
});

export const updateMilestone = createRoute({
	method: "patch",
	path: "/api/v1/projects/{id}/milestones/{milestoneId}",
	tags,
	summary: "Edit a milestone; setting status to completed emails the client's people once",
	middleware: [canWrite] as const,
	request: { params: milestoneParams, body: jsonBody(UpdateMilestoneBody) },
	responses: { 200: jsonContent(MilestoneDto, "The milestone as saved"), ...writeErrors },
});

export const reorderMilestones = createRoute({
	method: "put",
	path: "/api/v1/projects/{id}/milestones/order",
	tags,
	summary: "Put the project's milestones in a new order (every milestone listed once)",
	middleware: [canWrite] as const,
	request: { params: idParams, body: jsonBody(ReorderMilestonesBody) },
	responses: { 200: jsonContent(MilestoneList, "The milestones in their new order"), ...writeErrors },
});
