/** Route declarations of support tickets: list with filters, open, read, reply and triage, and the support settings. */
import { createRoute } from "@hono/zod-openapi";
import { IdParams } from "../../../schema/dto/ids";
import {
	ListTicketsQuery,
	OpenTicketBody,
	PostTicketMessageBody,
	SupportSettingsDto,
	TicketDetail,
	TicketDto,
	TicketMessageDto,
	TicketPage,
	UpdateSupportSettingsBody,
	UpdateTicketBody,
} from "../../../schema/dto/support";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requireAnyPermission, requirePermission } from "../../middleware/require-permission";

const tags = ["Support"];
const signedIn = { 401: problemContent("Not signed in"), 403: problemContent("Your role cannot do this") };
const notFound = { 404: problemContent("No such ticket, or not one you may see") };
const participant = requireAnyPermission("tickets:open", "tickets:manage");

export const list = createRoute({
	method: "get",
	path: "/api/v1/support/tickets",
	tags,
	summary:
		"Tickets, newest first: every client's for the agency (filter by status, priority, assignee, overdue, client), one's own client's for a client",
	middleware: [participant] as const,
	request: { query: ListTicketsQuery },
	responses: { 200: jsonContent(TicketPage, "One page of tickets"), ...signedIn, 422: problemContent("A filter is invalid") },
});

export const open = createRoute({
	method: "post",
	path: "/api/v1/support/tickets",
	tags,
	summary:
		"Open a ticket with its first message; due a first reply within the client's tier response target (a retry with the same id changes nothing)",
	middleware: [participant] as const,
	request: { body: jsonBody(OpenTicketBody) },
	responses: {
		201: jsonContent(TicketDto, "The ticket"),
		...WRITE_ERRORS,
		...signedIn,
		409: problemContent("The id belongs to another record"),
	},
});

export const get = createRoute({
	method: "get",
	path: "/api/v1/support/tickets/{id}",
	tags,
	summary: "A ticket and its messages (staff-only notes only for the agency)",
	middleware: [participant] as const,
	request: { params: IdParams },
	responses: { 200: jsonContent(TicketDetail, "The ticket"), ...signedIn, ...notFound, 422: problemContent("The id is malformed") },
});

export const reply = createRoute({
	method: "post",
	path: "/api/v1/support/tickets/{id}/messages",
	tags,
	summary: "Reply on a ticket (the other side is emailed once), or add a staff-only note (`internal`, agency only)",
	middleware: [participant] as const,
	request: { params: IdParams, body: jsonBody(PostTicketMessageBody) },
	responses: {
		201: jsonContent(TicketMessageDto, "The message"),
		...WRITE_ERRORS,
		...signedIn,
		...notFound,
		409: problemContent("The ticket is closed, or the id belongs to another record"),
	},
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/support/tickets/{id}",
	tags,
	summary: "Change a ticket's status, priority or assignee",
	middleware: [requirePermission("tickets:manage")] as const,
	request: { params: IdParams, body: jsonBody(UpdateTicketBody) },
	responses: { 200: jsonContent(TicketDto, "The ticket as saved"), ...WRITE_ERRORS, ...signedIn, ...notFound },
});

export const readSettings = createRoute({
	method: "get",
	path: "/api/v1/support/settings",
	tags,
	summary: "The agency's response target per service tier (hours) and the milestone survey mode",
	middleware: [requireAnyPermission("tickets:manage", "surveys:read", "tenant:manage")] as const,
	responses: { 200: jsonContent(SupportSettingsDto, "The settings"), ...signedIn },
});

export const updateSettings = createRoute({
	method: "patch",
	path: "/api/v1/support/settings",
	tags,
	summary: "Change response targets (hours per tier) or the milestone survey mode (off, csat, nps)",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(UpdateSupportSettingsBody) },
	responses: { 200: jsonContent(SupportSettingsDto, "The settings as saved"), ...WRITE_ERRORS, ...signedIn },
});
