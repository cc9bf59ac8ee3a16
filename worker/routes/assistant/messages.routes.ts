/** Route declarations of a conversation's messages: send, edit-and-regenerate, stop, and the reply stream (SSE). */
import { createRoute, z } from "@hono/zod-openapi";
import { SendResponse } from "../../../schema/assistant";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { conversationParams } from "./conversations.routes";

const tags = ["Assistant"];
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot use the assistant"),
	404: problemContent("No such conversation (or not yours)"),
	422: problemContent("A field is invalid; `errors` names each one"),
};
const sendErrors = {
	...errors,
	...WRITE_ERRORS,
	402: problemContent(
		"Not enough credits (`insufficient-credits`, with `balance`, `available` and `required`; `topUpUrl` when the caller may manage billing)",
	),
	429: problemContent("Too many requests or tokens for your plan; `Retry-After` says when to try again"),
};
const idempotency = z.object({
	"idempotency-key": z.string().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
});
const content = z.string().trim().min(1, "must not be empty").max(32_000, "must be at most 32000 characters");

export const sendMessage = createRoute({
	method: "post",
	path: "/api/v1/assistant/conversations/{id}/messages",
	tags,
	summary: "Send a message; the reply streams on /stream. Replies run one at a time, in the order sent.",
	middleware: [requirePermission("assistant:use")] as const,
	request: {
		params: conversationParams,
		headers: idempotency,
		body: jsonBody(
			z.strictObject({
				content,
				modelId: z.string().optional(),
				/** Reply under this message; omitted → at the end of the active branch. */
				parentId: z.string().max(64).nullable().optional(),
				/** A project, client or document to ask about: the assistant gets what the user may read of it (404 otherwise). */
				about: z
					.strictObject({
						kind: z.enum(["project", "client", "document"]),
						id: z.string().min(1, "must not be empty").max(64, "must be at most 64 characters"),
					})
					.optional(),
			}),
		),
	},
	responses: { 202: jsonContent(SendResponse, "Queued: the user message and the pending reply"), ...sendErrors },
});

export const editMessage = createRoute({
	method: "post",
	path: "/api/v1/assistant/conversations/{id}/messages/{messageId}/edit",
	tags,
	summary: "Edit an earlier user message: a new branch beside it with a fresh reply (both branches are kept)",
	middleware: [requirePermission("assistant:use")] as const,
	request: {
		params: conversationParams.extend({ messageId: z.string().min(1).max(64) }),
		headers: idempotency,
		body: jsonBody(z.strictObject({ content, modelId: z.string().optional() })),
	},
	responses: { 202: jsonContent(SendResponse, "Queued: the edited message and its reply"), ...sendErrors },
});

export const stopReply = createRoute({
	method: "post",
	path: "/api/v1/assistant/conversations/{id}/stop",
	tags,
	summary: "Stop the reply being generated (what it produced is kept and charged) and cancel queued ones",
	middleware: [requirePermission("assistant:use")] as const,
	request: { params: conversationParams },
	responses: { 200: jsonContent(z.object({ stopped: z.array(z.string()) }), "The replies stopped"), ...errors, ...WRITE_ERRORS },
});

export const streamReplies = createRoute({
	method: "get",
	path: "/api/v1/assistant/conversations/{id}/stream",
	tags,
	summary:
		"Server-Sent Events of the conversation: snapshot, message, delta, done. Send Last-Event-ID to resume. For signed-in sessions only (API keys read the conversation instead); the stream ends when its session is signed out or revoked, or its person removed.",
	middleware: [requirePermission("assistant:use")] as const,
	request: {
		params: conversationParams,
		headers: z.object({
			"last-event-id": z
				.string()
				.regex(/^\d{1,15}$/, "must be an event id from this stream")
				.optional(),
		}),
	},
	responses: { 200: { description: "An event stream", content: { "text/event-stream": { schema: z.string() } } }, ...errors },
});
