/** Route declarations of a client's documents: listing, one-request upload, details with versions, move/rename, delete, content, restore. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	ContentQuery,
	DocumentDto,
	DocumentListing,
	DocumentListQuery,
	DocumentWithVersions,
	SimpleUploadQuery,
	UpdateDocumentBody,
} from "../../../schema/dto/documents";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Documents"];
const Id = z.uuid("must be an id");
export const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see documents"),
	404: problemContent("No such document (or not one you may see)"),
	422: problemContent("A parameter is invalid"),
};
export const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot do this, or the plan's storage is full (`plan-limit-reached` naming storageBytes)"),
	404: problemContent("No such client, document or folder"),
	409: problemContent("The id or name is already used"),
};
const binary = z.string().meta({ format: "binary" });

export const list = createRoute({
	method: "get",
	path: "/api/v1/clients/{clientId}/documents",
	tags,
	summary: "Folders and documents of a client (one folder, the top level, or every document with all=true)",
	middleware: [requirePermission("documents:read")] as const,
	request: { params: z.strictObject({ clientId: Id }), query: DocumentListQuery },
	responses: { 200: jsonContent(DocumentListing, "The folders and documents"), ...readErrors },
});

export const upload = createRoute({
	method: "post",
	path: "/api/v1/clients/{clientId}/documents",
	tags,
	summary: "Upload a file (up to 20 MiB) in one request; the same name in the same folder becomes a new version",
	description:
		"The body is the file's bytes and Content-Type its type. Pass `id` (a UUID you make) so a retry returns the first result. Larger files: document-uploads (multipart).",
	middleware: [requirePermission("documents:write")] as const,
	request: {
		params: z.strictObject({ clientId: Id }),
		query: SimpleUploadQuery,
		body: { required: true, content: { "application/octet-stream": { schema: binary } } },
	},
	responses: { 201: jsonContent(DocumentWithVersions, "The document with its versions"), ...writeErrors },
});

const idParams = z.strictObject({ id: Id });

export const get = createRoute({
	method: "get",
	path: "/api/v1/documents/{id}",
	tags,
	summary: "A document with every kept version, newest first",
	middleware: [requirePermission("documents:read")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(DocumentWithVersions, "The document"), ...readErrors },
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/documents/{id}",
	tags,
	summary: "Rename a document or move it to another folder (folderId null: the top level)",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: idParams, body: jsonBody(UpdateDocumentBody) },
	responses: { 200: jsonContent(DocumentDto, "The document"), ...writeErrors },
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/documents/{id}",
	tags,
	summary: "Delete a document with every version (frees its storage)",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: idParams },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});

export const content = createRoute({
	method: "get",
	path: "/api/v1/documents/{id}/content",
	tags,
	summary: "The bytes of a version (the current one without versionId); images and PDFs may be inline, anything else downloads",
	middleware: [requirePermission("documents:read")] as const,
	request: { params: idParams, query: ContentQuery },
	responses: { 200: { content: { "application/octet-stream": { schema: binary } }, description: "The file" }, ...readErrors },
});

export const restore = createRoute({
	method: "post",
	path: "/api/v1/documents/{id}/versions/{versionId}/restore",
	tags,
	summary: "Make an old version current again, as a new version with its bytes",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ id: Id, versionId: Id }) },
	responses: { 201: jsonContent(DocumentWithVersions, "The document with the new current version"), ...writeErrors },
});
