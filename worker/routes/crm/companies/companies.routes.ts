/**
 * Route declarations of CRM companies. Staff need leads:read / leads:write; a client's person
 * (clients:own) passes the permission check and is then held to their client's CRM access by the
 * workspace gate (404 outside their workspace, 403 when read-only).
 */
import { z } from "@hono/zod-openapi";
import {
	CompanyDto,
	CompanyDuplicates,
	CompanyListQuery,
	CompanyPage,
	CreateCompanyBody,
	MergeBody,
	UpdateCompanyBody,
} from "../../../../schema/dto/crm-contacts";
import { IdParam } from "../../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../../http/openapi-responses";
import { protectedRoute } from "../../../http/protected-route";

const tags = ["CRM"];
const read = ["leads:read", "clients:own"] as const;
const write = ["leads:write", "clients:own"] as const;
const readErrors = { 404: problemContent("No such company (or not in a workspace you may see)") };
const writeErrors = {
	...BODY_ERRORS,
	403: problemContent(
		"Your role (or API key) does not have leads:write, your client's CRM access is read-only, or a cross-site request was refused",
	),
	404: problemContent("No such company (or not in a workspace you may see)"),
	409: problemContent("The id is used by another record"),
};
const idParams = z.strictObject({ id: IdParam });

export const list = protectedRoute({
	method: "get",
	path: "/api/v1/crm/companies",
	tags,
	summary: "Companies of the workspaces you may see (or one), newest first: full-text search, stage, tag and owner filters, cursor pages",
	permission: read,
	request: { query: CompanyListQuery },
	responses: { 200: jsonContent(CompanyPage, "One page of companies"), ...readErrors },
});

export const create = protectedRoute({
	method: "post",
	path: "/api/v1/crm/companies",
	tags,
	summary: "Add a company to a workspace (a replay of the same id answers the first result)",
	permission: write,
	request: { body: jsonBody(CreateCompanyBody) },
	responses: {
		201: jsonContent(CompanyDto, "The new company"),
		200: jsonContent(CompanyDto, "The company already made under this id"),
		...writeErrors,
	},
});

export const get = protectedRoute({
	method: "get",
	path: "/api/v1/crm/companies/{id}",
	tags,
	summary: "One company",
	permission: read,
	request: { params: idParams },
	responses: { 200: jsonContent(CompanyDto, "The company"), ...readErrors },
});

export const update = protectedRoute({
	method: "patch",
	path: "/api/v1/crm/companies/{id}",
	tags,
	summary: "Edit a company's name, domain, phone, tags, owner, stage or custom field values (null clears a value)",
	permission: write,
	request: { params: idParams, body: jsonBody(UpdateCompanyBody) },
	responses: { 200: jsonContent(CompanyDto, "The company as saved"), ...writeErrors },
});

export const remove = protectedRoute({
	method: "delete",
	path: "/api/v1/crm/companies/{id}",
	tags,
	summary: "Delete a company (its contacts stay, without a company)",
	permission: write,
	request: { params: idParams },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});

export const duplicates = protectedRoute({
	method: "get",
	path: "/api/v1/crm/companies/{id}/duplicates",
	tags,
	summary: "Companies of the same workspace with the same domain (normalised)",
	permission: read,
	request: { params: idParams },
	responses: { 200: jsonContent(CompanyDuplicates, "Possible duplicates"), ...readErrors },
});

export const merge = protectedRoute({
	method: "post",
	path: "/api/v1/crm/companies/{id}/merge",
	tags,
	summary:
		"Merge a duplicate into this company: its values fill empty fields (or win where preferred), its contacts move here, it is deleted",
	permission: write,
	request: { params: idParams, body: jsonBody(MergeBody) },
	responses: { 200: jsonContent(CompanyDto, "The merged company"), ...writeErrors },
});
