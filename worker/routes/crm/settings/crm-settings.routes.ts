/**
 * Route declarations of a CRM workspace's set-up: the workspaces a caller may open, custom field
 * definitions and saved views. Reads: leads:read or a client's person with CRM access; writes:
 * leads:write or a client's person whose client has manage access (the workspace gate decides).
 */
import { z } from "@hono/zod-openapi";
import {
	CreateCustomFieldBody,
	CreateSavedViewBody,
	CustomFieldDto,
	CustomFieldList,
	CustomFieldListQuery,
	SavedViewDto,
	SavedViewList,
	SavedViewListQuery,
	UpdateCustomFieldBody,
	WorkspaceList,
} from "../../../../schema/dto/crm-contacts";
import { IdParam } from "../../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../../http/openapi-responses";
import { protectedRoute } from "../../../http/protected-route";

const tags = ["CRM"];
const read = ["leads:read", "clients:own"] as const;
const write = ["leads:write", "clients:own"] as const;
const readErrors = { 404: problemContent("No such workspace (or not one you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	403: problemContent(
		"Your role (or API key) does not have leads:write, your client's CRM access is read-only, or a cross-site request was refused",
	),
	404: problemContent("No such workspace, field or view (or not one you may see)"),
	409: problemContent("The id or key is already used"),
};
const idParams = z.strictObject({ id: IdParam });

export const workspaces = protectedRoute({
	method: "get",
	path: "/api/v1/crm/workspaces",
	tags,
	summary: "The CRM workspaces you may open (the agency's own, then each client's) with your access in each",
	permission: read,
	responses: { 200: jsonContent(WorkspaceList, "The workspaces") },
});

export const listFields = protectedRoute({
	method: "get",
	path: "/api/v1/crm/fields",
	tags,
	summary: "A workspace's custom fields for contacts and companies",
	permission: read,
	request: { query: CustomFieldListQuery },
	responses: { 200: jsonContent(CustomFieldList, "The fields, in position order"), ...readErrors },
});

export const createField = protectedRoute({
	method: "post",
	path: "/api/v1/crm/fields",
	tags,
	summary: "Add a typed custom field (text, number, date, choice, multi-choice, URL, email, phone, currency) to a workspace",
	permission: write,
	request: { body: jsonBody(CreateCustomFieldBody) },
	responses: {
		201: jsonContent(CustomFieldDto, "The new field"),
		200: jsonContent(CustomFieldDto, "The field already made under this id"),
		...writeErrors,
	},
});

export const updateField = protectedRoute({
	method: "patch",
	path: "/api/v1/crm/fields/{id}",
	tags,
	summary: "Relabel a custom field, change a choice field's options, or move it",
	permission: write,
	request: { params: idParams, body: jsonBody(UpdateCustomFieldBody) },
	responses: { 200: jsonContent(CustomFieldDto, "The field as saved"), ...writeErrors },
});

export const deleteField = protectedRoute({
	method: "delete",
	path: "/api/v1/crm/fields/{id}",
	tags,
	summary: "Delete a custom field",
	permission: write,
	request: { params: idParams },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});

export const listViews = protectedRoute({
	method: "get",
	path: "/api/v1/crm/views",
	tags,
	summary: "A workspace's saved views of contacts or companies",
	permission: read,
	request: { query: SavedViewListQuery },
	responses: { 200: jsonContent(SavedViewList, "The views, by name"), ...readErrors },
});

export const createView = protectedRoute({
	method: "post",
	path: "/api/v1/crm/views",
	tags,
	summary: "Save a filtered view of a workspace's contacts or companies (shared with the workspace)",
	permission: write,
	request: { body: jsonBody(CreateSavedViewBody) },
	responses: {
		201: jsonContent(SavedViewDto, "The new view"),
		200: jsonContent(SavedViewDto, "The view already made under this id"),
		...writeErrors,
	},
});

export const deleteView = protectedRoute({
	method: "delete",
	path: "/api/v1/crm/views/{id}",
	tags,
	summary: "Delete a saved view",
	permission: write,
	request: { params: idParams },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});
