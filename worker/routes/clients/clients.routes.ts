/** Route declarations of clients and their people. */
import { z } from "@hono/zod-openapi";
import {
	ClientDto,
	ClientListQuery,
	ClientPage,
	ClientPeople,
	CreateClientBody,
	IdParam,
	UpdateClientBody,
} from "../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Clients"];
const readErrors = { 404: problemContent("No such client (or not one you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	404: problemContent("No such client"),
	409: problemContent("Conflict"),
};
const idParams = z.strictObject({ id: IdParam });
const personParams = z.strictObject({ id: IdParam, userId: IdParam });

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/clients",
	tags,
	summary: "Clients: the agency's, searchable, filterable and sorted (cursor pages); a client user gets their own client",
	permission: ["clients:read", "clients:own"],
	request: { query: ClientListQuery },
	responses: { 200: jsonContent(ClientPage, "One page of clients"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/clients",
	tags,
	summary: "Add a client (within the plan's client limit)",
	permission: "clients:write",
	request: { body: jsonBody(CreateClientBody) },
	responses: {
		201: jsonContent(ClientDto, "The new client"),
		...writeErrors,
		403: problemContent(
			"Your role cannot add clients, the plan's client limit is reached (plan-limit-reached), or a cross-site request was refused",
		),
	},
});

export const get = protectedRoute({
	method: "get",
	path: "/api/v1/clients/{id}",
	tags,
	summary: "One client",
	permission: ["clients:read", "clients:own"],
	request: { params: idParams },
	responses: { 200: jsonContent(ClientDto, "The client"), ...readErrors },
});

export const update = protectedRoute({
	method: "patch",
	path: "/api/v1/clients/{id}",
	tags,
	summary: "Edit a client's name, status, tier, owner, notes, website or CRM access for its people",
	permission: "clients:write",
	request: { params: idParams, body: jsonBody(UpdateClientBody) },
	responses: { 200: jsonContent(ClientDto, "The client as saved"), ...writeErrors },
});

export const archive = protectedRoute({
	method: "post",
	path: "/api/v1/clients/{id}/archive",
	tags,
	summary: "Archive a client (kept, hidden from active work; restorable)",
	permission: "clients:write",
	request: { params: idParams },
	responses: { 200: jsonContent(ClientDto, "The archived client"), ...writeErrors },
});

export const restore = protectedRoute({
	method: "post",
	path: "/api/v1/clients/{id}/restore",
	tags,
	summary: "Restore an archived client to the status it had (within the plan's client limit)",
	permission: "clients:write",
	request: { params: idParams },
	responses: { 200: jsonContent(ClientDto, "The restored client"), ...writeErrors },
});

export const people = protectedRoute({
	method: "get",
	path: "/api/v1/clients/{id}/people",
	tags,
	summary: "The client's people (client-role users linked to it)",
	permission: ["clients:read", "clients:own"],
	request: { params: idParams },
	responses: { 200: jsonContent(ClientPeople, "The people"), ...readErrors },
});

export const linkPerson = protectedRoute({
	method: "put",
	path: "/api/v1/clients/{id}/people/{userId}",
	tags,
	summary: "Link a client-role member of the agency to this client (a person belongs to one client)",
	permission: "clients:write",
	request: { params: personParams },
	responses: { 200: jsonContent(ClientPeople, "The people, after linking"), ...writeErrors },
});

export const unlinkPerson = protectedRoute({
	method: "delete",
	path: "/api/v1/clients/{id}/people/{userId}",
	tags,
	summary: "Unlink a person from this client",
	permission: "clients:write",
	request: { params: personParams },
	responses: { 204: { description: "Unlinked" }, ...writeErrors },
});
