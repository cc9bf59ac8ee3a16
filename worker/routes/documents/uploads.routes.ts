/** Route declarations of multipart uploads: create, status (which parts the server holds), part, complete, abort. */
import { createRoute, z } from "@hono/zod-openapi";
import { CreateUploadBody, DocumentWithVersions, PartParams, UploadDto } from "../../../schema/dto/documents";
import { jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { readErrors, writeErrors } from "./documents.routes";

const tags = ["Documents"];
const Id = z.uuid("must be an id");
const idParams = z.strictObject({ id: Id });

export const create = createRoute({
	method: "post",
	path: "/api/v1/clients/{clientId}/document-uploads",
	tags,
	summary: "Start a multipart upload (storage is checked for the declared size); the same id again returns the same upload",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ clientId: Id }), body: jsonBody(CreateUploadBody) },
	responses: { 201: jsonContent(UploadDto, "The upload: send partCount parts of partSize bytes (the last one the rest)"), ...writeErrors },
});

export const status = createRoute({
	method: "get",
	path: "/api/v1/document-uploads/{id}",
	tags,
	summary: "An upload and the parts the server already holds (to resume after a dropped connection)",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(UploadDto, "The upload"), ...readErrors },
});

export const part = createRoute({
	method: "put",
	path: "/api/v1/document-uploads/{id}/parts/{partNumber}",
	tags,
	summary: "Send one part (exactly partSize bytes; the last part the rest). Sending a part again replaces it",
	middleware: [requirePermission("documents:write")] as const,
	request: {
		params: PartParams,
		body: { required: true, content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } },
	},
	responses: {
		200: jsonContent(z.object({ partNumber: z.number(), size: z.number() }).meta({ id: "UploadedPart" }), "The part is stored"),
		...writeErrors,
	},
});

export const complete = createRoute({
	method: "post",
	path: "/api/v1/document-uploads/{id}/complete",
	tags,
	summary: "Join the parts into a new document version (storage checked again); a retry returns the same document",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: idParams },
	responses: {
		200: jsonContent(DocumentWithVersions, "The document with its versions"),
		...writeErrors,
		409: problemContent("Parts are missing (`upload-incomplete`), or the upload was aborted"),
	},
});

export const abort = createRoute({
	method: "delete",
	path: "/api/v1/document-uploads/{id}",
	tags,
	summary: "Abandon a pending upload; its parts are dropped",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: idParams },
	responses: { 204: { description: "Aborted" }, ...writeErrors },
});
