/** Route declarations of tasks. */
import { z } from "@hono/zod-openapi";
import { CreateTaskBody, IdParam, TaskDto, TaskList, TaskListQuery, UpdateTaskBody } from "../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Tasks"];
const idParams = z.strictObject({ id: IdParam });
const writeErrors = {
	...BODY_ERRORS,
	403: problemContent("Your role cannot change tasks, the task is not assigned to you, or a cross-site request was refused"),
	404: problemContent("No such task"),
	409: problemContent("The id is used by another record"),
};

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/tasks",
	tags,
	summary: "Tasks by project, status or assignee (`assignee=me` for your own), soonest due first",
	permission: "projects:read",
	request: { query: TaskListQuery },
	responses: { 200: jsonContent(TaskList, "The tasks") },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/tasks",
	tags,
	summary: "Add a task to a project, optionally to a milestone and assigned to staff or one of the client's people",
	permission: "projects:write",
	request: { body: jsonBody(CreateTaskBody) },
	responses: { 201: jsonContent(TaskDto, "The new task"), ...writeErrors },
});

export const update = protectedRoute({
	method: "patch",
	path: "/api/v1/tasks/{id}",
	tags,
	summary: "Edit, assign, reopen or complete a task",
	permission: "projects:write",
	request: { params: idParams, body: jsonBody(UpdateTaskBody) },
	responses: { 200: jsonContent(TaskDto, "The task as saved"), ...writeErrors },
});

export const complete = protectedRoute({
	method: "post",
	path: "/api/v1/tasks/{id}/complete",
	tags,
	summary: "Mark a task done (client users: tasks assigned to them)",
	permission: "tasks:complete",
	request: { params: idParams },
	responses: { 200: jsonContent(TaskDto, "The completed task"), ...writeErrors },
});
