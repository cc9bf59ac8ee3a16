/** Route declarations of custom roles: list, create, update, delete. */
import { createRoute } from "@hono/zod-openapi";
import { IdParams } from "../../../schema/dto/ids";
import { CreateRoleBody, CustomRoleView, RoleList, UpdateRoleBody } from "../../../schema/dto/roles";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Team"];
const errors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Not allowed: missing members:manage, or the role can do more than you"),
	404: problemContent("No such role in this agency"),
	409: problemContent("The name is taken, or the role is still held by members"),
	422: problemContent("A field is invalid, or `permissions` includes one you do not have"),
};

export const list = createRoute({
	method: "get",
	path: "/api/v1/roles",
	tags,
	summary: "Custom roles (with how many members hold each) and the built-in roles",
	middleware: [requirePermission("members:manage")] as const,
	responses: {
		200: jsonContent(RoleList, "Custom roles, newest first, and the built-in roles"),
		401: errors[401],
		403: errors[403],
		404: problemContent("No agency is served at this address"),
	},
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/roles",
	tags,
	summary: "Create a custom role (only with permissions you have)",
	middleware: [requirePermission("members:manage")] as const,
	request: { body: jsonBody(CreateRoleBody) },
	responses: { 201: jsonContent(CustomRoleView, "The new role"), ...errors },
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/roles/{id}",
	tags,
	summary: "Rename a custom role or change its permissions; its members get the change on their next request",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: IdParams, body: jsonBody(UpdateRoleBody) },
	responses: { 200: jsonContent(CustomRoleView, "The role as it is now"), ...errors },
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/roles/{id}",
	tags,
	summary: "Delete a custom role nobody holds",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: IdParams },
	responses: { 204: { description: "Deleted" }, ...errors },
});
