/** Route declarations of clients and their people. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	ClientDto,
	ClientListQuery,
	ClientPage,
	ClientPeople,
	CreateClientBody,
	IdParam,
	UpdateClientBody,
} from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../lib/openapi-responses";
import { requireAnyPermission, requirePermission } from "../../middleware/require-permission";

const tags = ["Clients"];
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see clients"),
	404: problemContent("No such client (or not one you may see)"),
	422: problemContent("A parameter is invalid"),
};
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	404: problemContent("No such client"),
	409: problemContent("Conflict"),
};
const idParams = z.strictObject({ id: IdParam });
const personParams = z.strictObject({ id: IdParam, userId: IdParam });
const readClients = requireAnyPermission("clients:read", "clients:own");

export const list = createRoute({
	method: "get",
	path: "/api/v1/clients",
	tags,
	summary: "Clients: the agency's, searchable, filterable and sorted (cursor pages); a client user gets their own client",
	middleware: [readClients] as const,
	request: { query: ClientListQuery },
	responses: { 200: jsonContent(ClientPage, "One page of clients"), ...readErrors },
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/clients",
	tags,
	summary: "Add a client (within the plan's client limit)",
	middleware: [requirePermission("clients:write")] as const,
	request: { body: jsonBody(CreateClientBody) },
	responses: {
		201: jsonContent(ClientDto, "The new client"),
		...writeErrors,
		403: problemContent("Your role cannot add clients, or the plan's client limit is reached (plan-limit-reached)"),
	},
});

export const get = createRoute({
	method: "get",
	path: "/api/v1/clients/{id}",
	tags,
	summary: "One client",
	middleware: [readClients] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(ClientDto, "The client"), ...readErrors },
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/clients/{id}",
	tags,
	summary: "Edit a client's name, status, tier, owner, notes or website",
	middleware: [requirePermission("clients:write")] as const,
	request: { params: idParams, body: jsonBody(UpdateClientBody) },
	responses: { 200: jsonContent(ClientDto, "The client as saved"), ...writeErrors },
});

export const archive = createRoute({
	method: "post",
	path: "/api/v1/clients/{id}/archive",
	tags,
	summary: "Archive a client (kept, hidden from active work; restorable)",
	middleware: [requirePermission("clients:write")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(ClientDto, "The archived client"), ...writeErrors },
});

export const restore = createRoute({
	method: "post",
	path: "/api/v1/clients/{id}/restore",
	tags,
	summary: "Restore an archived client to the status it had (within the plan's client limit)",
	middleware: [requirePermission("clients:write")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(ClientDto, "The restored client"), ...writeErrors },
});

export const people = createRoute({
	method: "get",
	path: "/api/v1/clients/{id}/people",
	tags,
	summary: "The client's people (client-role users linked to it)",
	middleware: [readClients] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(ClientPeople, "The people"), ...readErrors },
});

export const linkPerson = createRoute({
	method: "put",
	path: "/api/v1/clients/{id}/people/{userId}",
	tags,
	summary: "Link a client-role member of the agency to this client (a person belongs to one client)",
	middleware: [requirePermission("clients:write")] as const,
	request: { params: personParams },
	responses: { 200: jsonContent(ClientPeople, "The people, after linking"), ...writeErrors },
});

export const unlinkPerson = createRoute({
	method: "delete",
	path: "/api/v1/clients/{id}/people/{userId}",
	tags,
	summary: "Unlink a person from this client",
	middleware: [requirePermission("clients:write")] as const,
	request: { params: personParams },
	responses: { 204: { description: "Unlinked" }, ...writeErrors },
});
