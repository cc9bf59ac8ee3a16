/** Route declarations of message threads and their messages. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	CreateThreadBody,
	EditMessageBody,
	MarkReadBody,
	MessageDto,
	MessageListQuery,
	MessagePage,
	PostMessageBody,
	ReadMark,
	ThreadDto,
	ThreadListQuery,
	ThreadPage,
} from "../../../schema/dto/messaging";
import { IdParam } from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Messaging"];
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot read messages"),
	404: problemContent("No such thread (or not one you may see)"),
	422: problemContent("A parameter is invalid"),
};
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent(
		"Your role cannot write messages, or the client's service tier does not include messaging (`messaging-not-included`)",
	),
	404: problemContent("No such thread or message"),
	409: problemContent("The id is used by another record"),
};
export const threadParams = z.strictObject({ id: IdParam });
const messageParams = z.strictObject({ id: IdParam, messageId: IdParam });
const canRead = requirePermission("messages:read");
const canWrite = requirePermission("messages:write");

export const list = createRoute({
	method: "get",
	path: "/api/v1/threads",
	tags,
	summary: "Threads, newest activity first (cursor pages), each with the caller's unread count; a client user sees their own client's",
	middleware: [canRead] as const,
	request: { query: ThreadListQuery },
	responses: { 200: jsonContent(ThreadPage, "One page of threads"), ...readErrors },
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/threads",
	tags,
	summary: "Open a thread with a client (optionally about one of its projects); the same id again returns the same thread",
	middleware: [canWrite] as const,
	request: { body: jsonBody(CreateThreadBody) },
	responses: {
		200: jsonContent(ThreadDto, "The thread, created earlier with this id"),
		201: jsonContent(ThreadDto, "The new thread"),
		...writeErrors,
	},
});

export const get = createRoute({
	method: "get",
	path: "/api/v1/threads/{id}",
	tags,
	summary: "One thread with the caller's unread count and whether posting is possible",
	middleware: [canRead] as const,
	request: { params: threadParams },
	responses: { 200: jsonContent(ThreadDto, "The thread"), ...readErrors },
});

export const listMessages = createRoute({
	method: "get",
	path: "/api/v1/threads/{id}/messages",
	tags,
	summary: "Messages newest first (cursor pages), and how far each other participant has read",
	middleware: [canRead] as const,
	request: { params: threadParams, query: MessageListQuery },
	responses: { 200: jsonContent(MessagePage, "One page of messages"), ...readErrors },
});

export const post = createRoute({
	method: "post",
	path: "/api/v1/threads/{id}/messages",
	tags,
	summary: "Post a message (client-generated id: sending it again stores it once and answers 200); live to every open socket",
	middleware: [canWrite] as const,
	request: { params: threadParams, body: jsonBody(PostMessageBody) },
	responses: {
		200: jsonContent(MessageDto, "The message, already posted with this id"),
		201: jsonContent(MessageDto, "The new message"),
		...writeErrors,
	},
});

export const edit = createRoute({
	method: "patch",
	path: "/api/v1/threads/{id}/messages/{messageId}",
	tags,
	summary: "Edit one's own message",
	middleware: [canWrite] as const,
	request: { params: messageParams, body: jsonBody(EditMessageBody) },
	responses: { 200: jsonContent(MessageDto, "The message as saved"), ...writeErrors },
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/threads/{id}/messages/{messageId}",
	tags,
	summary: "Delete one's own message (a tombstone stays so the thread and syncing devices keep their order)",
	middleware: [canWrite] as const,
	request: { params: messageParams },
	responses: { 200: jsonContent(MessageDto, "The deleted message"), ...writeErrors },
});

export const markRead = createRoute({
	method: "put",
	path: "/api/v1/threads/{id}/read",
	tags,
	summary: 'Mark the thread read up to a message (never moves back); others see it as "Seen"',
	middleware: [canRead] as const,
	request: { params: threadParams, body: jsonBody(MarkReadBody) },
	responses: { 200: jsonContent(ReadMark, "The caller's read mark"), ...WRITE_ERRORS, 401: problemContent("Not signed in") },
});
