/**
 * Route declarations of CRM contacts. Staff need leads:read / leads:write; a client's person
 * (clients:own) passes the permission check and is then held to their client's CRM access by the
 * workspace gate (404 outside their workspace, 403 when read-only).
 */
import { z } from "@hono/zod-openapi";
import {
	ContactDto,
	ContactDuplicates,
	ContactListQuery,
	ContactPage,
	CreateContactBody,
	MergeBody,
	UpdateContactBody,
} from "../../../../schema/dto/crm-contacts";
import { IdParam } from "../../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../../http/openapi-responses";
import { protectedRoute } from "../../../http/protected-route";

const tags = ["CRM"];
const read = ["leads:read", "clients:own"] as const;
const write = ["leads:write", "clients:own"] as const;
const readErrors = { 404: problemContent("No such contact (or not in a workspace you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	403: problemContent(
		"Your role (or API key) does not have leads:write, your client's CRM access is read-only, or a cross-site request was refused",
	),
	404: problemContent("No such contact (or not in a workspace you may see)"),
	409: problemContent("The id is used by another record"),
};
const idParams = z.strictObject({ id: IdParam });

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/crm/contacts",
	tags,
	summary: "Contacts of the workspaces you may see (or one), newest first: full-text search, stage, tag and owner filters, cursor pages",
	permission: read,
	request: { query: ContactListQuery },
	responses: { 200: jsonContent(ContactPage, "One page of contacts"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/crm/contacts",
	tags,
	summary: "Add a contact to a workspace (a replay of the same id answers the first result)",
	permission: write,
	request: { body: jsonBody(CreateContactBody) },
	responses: {
		201: jsonContent(ContactDto, "The new contact"),
		200: jsonContent(ContactDto, "The contact already made under this id"),
		...writeErrors,
	},
});

export const get = protectedRoute({
	method: "get",
	path: "/api/v1/crm/contacts/{id}",
	tags,
	summary: "One contact",
	permission: read,
	request: { params: idParams },
	responses: { 200: jsonContent(ContactDto, "The contact"), ...readErrors },
});

export const update = protectedRoute({
	method: "patch",
	path: "/api/v1/crm/contacts/{id}",
	tags,
	summary: "Edit a contact's fields, tags, owner, stage or custom field values (null clears a value)",
	permission: write,
	request: { params: idParams, body: jsonBody(UpdateContactBody) },
	responses: { 200: jsonContent(ContactDto, "The contact as saved"), ...writeErrors },
});

export const remove = protectedRoute({
	method: "delete",
	path: "/api/v1/crm/contacts/{id}",
	tags,
	summary: "Delete a contact",
	permission: write,
	request: { params: idParams },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});

export const duplicates = protectedRoute({
	method: "get",
	path: "/api/v1/crm/contacts/{id}/duplicates",
	tags,
	summary: "Contacts of the same workspace with the same email or phone (normalised)",
	permission: read,
	request: { params: idParams },
	responses: { 200: jsonContent(ContactDuplicates, "Possible duplicates"), ...readErrors },
});

export const merge = protectedRoute({
	method: "post",
	path: "/api/v1/crm/contacts/{id}/merge",
	tags,
	summary:
		"Merge a duplicate into this contact: its values fill empty fields (or win where preferred), its references move here, it is deleted",
	permission: write,
	request: { params: idParams, body: jsonBody(MergeBody) },
	responses: { 200: jsonContent(ContactDto, "The merged contact"), ...writeErrors },
});
