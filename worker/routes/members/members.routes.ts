/** Route declarations of the team: list members, change a member's role, remove a member. */
import { createRoute } from "@hono/zod-openapi";
import { MemberList, MemberView, UpdateMemberBody, UserIdParams } from "../../../schema/dto/members";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Team"];
const errors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Not allowed: missing permission, or the change would grant more than you have"),
	404: problemContent("No such member in this agency"),
	409: problemContent("The last owner cannot be demoted or removed"),
};

export const list = createRoute({
	method: "get",
	path: "/api/v1/members",
	tags,
	summary: "The agency's members with their role, custom role and permissions",
	middleware: [requirePermission("members:read")] as const,
	responses: {
		200: jsonContent(MemberList, "Every member, oldest first"),
		401: errors[401],
		403: errors[403],
		404: problemContent("No agency is served at this address"),
	},
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/members/{userId}",
	tags,
	summary: "Change a member's built-in role and/or custom role",
	description:
		"Only an owner (signed in, not through an API key) makes or unmakes owners; nobody gives a role with permissions they do not have or changes a member who has more than they do.",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: UserIdParams, body: jsonBody(UpdateMemberBody) },
	responses: { 200: jsonContent(MemberView, "The member as they are now"), ...errors },
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/members/{userId}",
	tags,
	summary: "Remove a member: their sessions end at once",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: UserIdParams },
	responses: { 204: { description: "Removed" }, ...errors },
});
