/** Route declarations of tasks. */
import { createRoute, z } from "@hono/zod-openapi";
import { CreateTaskBody, IdParam, TaskDto, TaskList, TaskListQuery, UpdateTaskBody } from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../lib/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Tasks"];
const idParams = z.strictObject({ id: IdParam });
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot change tasks, or the task is not assigned to you"),
	404: problemContent("No such task"),
	409: problemContent("The id is used by another record"),
};

export const list = createRoute({
	method: "get",
	path: "/api/v1/tasks",
	tags,
	summary: "Tasks by project, status or assignee (`assignee=me` for your own), soonest due first",
	middleware: [requirePermission("projects:read")] as const,
	request: { query: TaskListQuery },
	responses: {
		200: jsonContent(TaskList, "The tasks"),
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot see tasks"),
		422: problemContent("A parameter is invalid"),
	},
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/tasks",
	tags,
	summary: "Add a task to a project, optionally to a milestone and assigned to staff or one of the client's people",
	middleware: [requirePermission("projects:write")] as const,
	request: { body: jsonBody(CreateTaskBody) },
	responses: { 201: jsonContent(TaskDto, "The new task"), ...writeErrors },
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/tasks/{id}",
	tags,
	summary: "Edit, assign, reopen or complete a task",
	middleware: [requirePermission("projects:write")] as const,
	request: { params: idParams, body: jsonBody(UpdateTaskBody) },
	responses: { 200: jsonContent(TaskDto, "The task as saved"), ...writeErrors },
});

export const complete = createRoute({
	method: "post",
	path: "/api/v1/tasks/{id}/complete",
	tags,
	summary: "Mark a task done (client users: tasks assigned to them)",
	middleware: [requirePermission("tasks:complete")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(TaskDto, "The completed task"), ...writeErrors },
});
