/** Route declarations of the tenant's messaging settings (the tier gate and the unread-email delay). */
import { createRoute } from "@hono/zod-openapi";
import { MessagingSettingsDto, UpdateMessagingSettingsBody } from "../../../schema/dto/messaging";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Messaging"];

export const read = createRoute({
	method: "get",
	path: "/api/v1/messaging/settings",
	tags,
	summary: "The agency's messaging settings",
	middleware: [requirePermission("messages:read")] as const,
	responses: {
		200: jsonContent(MessagingSettingsDto, "The settings"),
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot read messages"),
	},
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/messaging/settings",
	tags,
	summary: "Change the lowest client service tier that includes messaging (null: all) or the unread-email delay in minutes",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(UpdateMessagingSettingsBody) },
	responses: { 200: jsonContent(MessagingSettingsDto, "The settings as saved"), ...WRITE_ERRORS, 401: problemContent("Not signed in") },
});
