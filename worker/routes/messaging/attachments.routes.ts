/** Route declarations of message attachments: upload a small file to a thread, download one. */
import { createRoute, z } from "@hono/zod-openapi";
import { AttachmentDto } from "../../../schema/dto/messaging";
import { IdParam } from "../../../schema/dto/portal";
import { ATTACHMENT_TYPES } from "../../../schema/messaging";
import { jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { threadParams } from "./threads.routes";

const tags = ["Messaging"];
const binary = z.string().meta({ format: "binary" });

export const upload = createRoute({
	method: "post",
	path: "/api/v1/threads/{id}/attachments",
	tags,
	summary: "Upload a file (at most 10 MiB, allowed types only) to post with a message as `attachmentId`",
	middleware: [requirePermission("messages:write")] as const,
	request: {
		params: threadParams,
		query: z.strictObject({ name: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters") }),
		body: { required: true, content: Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type, { schema: binary }])) },
	},
	responses: {
		201: jsonContent(AttachmentDto, "The stored file, not yet posted"),
		...WRITE_ERRORS,
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot write messages, or the client's tier does not include messaging"),
		404: problemContent("No such thread (or not one you may see)"),
		413: problemContent("The file is larger than 10 MiB"),
		415: problemContent("This kind of file cannot be attached"),
	},
});

export const download = createRoute({
	method: "get",
	path: "/api/v1/threads/{id}/attachments/{attachmentId}",
	tags,
	summary: "Download an attachment of a thread the caller can read",
	middleware: [requirePermission("messages:read")] as const,
	request: { params: z.strictObject({ id: IdParam, attachmentId: IdParam }) },
	responses: {
		200: { content: { "application/octet-stream": { schema: binary } }, description: "The file, as an attachment" },
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot read messages"),
		404: problemContent("No such attachment (or not one you may see)"),
	},
});
