/** Route declarations of live messaging: the WebSocket of a thread, the navigation socket, and the unread summary. */
import { createRoute } from "@hono/zod-openapi";
import { UnreadSummary } from "../../../schema/dto/messaging";
import { jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { threadParams } from "./threads.routes";

const tags = ["Messaging"];
const canRead = requirePermission("messages:read");
const socketErrors = {
	401: problemContent("Not signed in (sockets authenticate with the session cookie; API keys cannot open them)"),
	403: problemContent("Your role cannot read messages, or the Origin is another site"),
	426: problemContent("Not a WebSocket upgrade"),
};

export const threadSocket = createRoute({
	method: "get",
	path: "/api/v1/threads/{id}/socket",
	tags,
	summary:
		"WebSocket of one thread: receives message, message-updated, typing, presence, read and unread events; sends post, typing and read frames (schema/messaging.ts)",
	middleware: [canRead] as const,
	request: { params: threadParams },
	responses: {
		101: { description: "Switching to the WebSocket protocol" },
		...socketErrors,
		404: problemContent("No such thread (or not one you may see)"),
	},
});

export const navigationSocket = createRoute({
	method: "get",
	path: "/api/v1/messaging/socket",
	tags,
	summary: "WebSocket for the navigation badge: an `unread` event whenever the caller's unread counts may have changed",
	middleware: [canRead] as const,
	responses: { 101: { description: "Switching to the WebSocket protocol" }, ...socketErrors },
});

export const unread = createRoute({
	method: "get",
	path: "/api/v1/messaging/unread",
	tags,
	summary: "The caller's unread messages: the total (the navigation badge) and each thread that has any",
	middleware: [canRead] as const,
	responses: {
		200: jsonContent(UnreadSummary, "Unread counts"),
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot read messages"),
	},
});
