/** Route declarations of the assistant: models, conversations (list, create, rename, delete, tree, export, import). */
import { createRoute, z } from "@hono/zod-openapi";
import { ConversationPage, ConversationSummary, ConversationWithTree, ModelSummary } from "../../../schema/assistant";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Assistant"];
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot use the assistant"),
	404: problemContent("No such conversation (or not yours)"),
	422: problemContent("A field is invalid; `errors` names each one"),
};
export const conversationParams = z.object({ id: z.string().min(1).max(64) });

export const listModels = createRoute({
	method: "get",
	path: "/api/v1/assistant/models",
	tags,
	summary: "The models your plan allows on this deployment (the local demo model is marked `local`)",
	middleware: [requirePermission("assistant:use")] as const,
	responses: { 200: jsonContent(z.object({ models: z.array(ModelSummary), defaultModelId: z.string() }), "Models"), ...errors },
});

export const listConversations = createRoute({
	method: "get",
	path: "/api/v1/assistant/conversations",
	tags,
	summary: "Your conversations, most recently used first; `q` searches titles (substring) and message text (every word)",
	middleware: [requirePermission("assistant:use")] as const,
	request: {
		query: z.strictObject({
			q: z.string().max(200, "must be at most 200 characters").optional(),
			cursor: z
				.string()
				.regex(/^\d{1,15}$/, "must be a cursor returned by this endpoint")
				.optional(),
			limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(30),
		}),
	},
	responses: { 200: jsonContent(ConversationPage, "One page of conversations"), ...errors },
});

export const createConversation = createRoute({
	method: "post",
	path: "/api/v1/assistant/conversations",
	tags,
	summary: "Start a conversation",
	middleware: [requirePermission("assistant:use")] as const,
	request: {
		body: jsonBody(
			z.strictObject({
				title: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
				modelId: z.string().optional(),
			}),
		),
	},
	responses: { 201: jsonContent(ConversationSummary, "The new conversation"), ...errors, ...WRITE_ERRORS },
});

export const getConversation = createRoute({
	method: "get",
	path: "/api/v1/assistant/conversations/{id}",
	tags,
	summary: "A conversation and its whole message tree (every branch; each message lists its siblings)",
	middleware: [requirePermission("assistant:use")] as const,
	request: { params: conversationParams },
	responses: { 200: jsonContent(ConversationWithTree, "The conversation"), ...errors },
});

export const renameConversation = createRoute({
	method: "patch",
	path: "/api/v1/assistant/conversations/{id}",
	tags,
	summary: "Rename a conversation or change its default model",
	middleware: [requirePermission("assistant:use")] as const,
	request: {
		params: conversationParams,
		body: jsonBody(
			z.strictObject({
				title: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
				modelId: z.string().optional(),
			}),
		),
	},
	responses: { 200: jsonContent(ConversationSummary, "The conversation"), ...errors, ...WRITE_ERRORS },
});

export const deleteConversation = createRoute({
	method: "delete",
	path: "/api/v1/assistant/conversations/{id}",
	tags,
	summary: "Delete a conversation (soft: it disappears from lists and links)",
	middleware: [requirePermission("assistant:use")] as const,
	request: { params: conversationParams },
	responses: { 204: { description: "Deleted" }, ...errors, ...WRITE_ERRORS },
});

export const exportConversation = createRoute({
	method: "get",
	path: "/api/v1/assistant/conversations/{id}/export",
	tags,
	summary: "Export as Atrium JSON (every branch) or Markdown (the active branch)",
	middleware: [requirePermission("assistant:use")] as const,
	request: { params: conversationParams, query: z.strictObject({ format: z.enum(["json", "markdown"]).default("json") }) },
	responses: {
		200: {
			description: "The export, as a download",
			content: { "application/json": { schema: z.object({}).passthrough() }, "text/markdown": { schema: z.string() } },
		},
		...errors,
	},
});

export const importConversations = createRoute({
	method: "post",
	path: "/api/v1/assistant/conversations/import",
	tags,
	summary: "Import an Atrium export or ChatGPT's conversations.json (the active branch of each)",
	middleware: [requirePermission("assistant:use")] as const,
	request: { body: jsonBody(z.strictObject({ format: z.enum(["atrium", "chatgpt"]), data: z.unknown() })) },
	responses: {
		201: jsonContent(z.object({ conversations: z.array(ConversationSummary) }), "The imported conversations"),
		...errors,
		...WRITE_ERRORS,
	},
});
