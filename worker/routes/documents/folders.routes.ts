/** Route declarations of document folders: create, rename, delete when empty. */
import { createRoute, z } from "@hono/zod-openapi";
import { CreateFolderBody, FolderDto, RenameFolderBody } from "../../../schema/dto/documents";
import { jsonBody, jsonContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { writeErrors } from "./documents.routes";

const tags = ["Documents"];
const Id = z.uuid("must be an id");

export const create = createRoute({
	method: "post",
	path: "/api/v1/clients/{clientId}/document-folders",
	tags,
	summary: "Create a folder (at the top, or inside parentId)",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ clientId: Id }), body: jsonBody(CreateFolderBody) },
	responses: { 201: jsonContent(FolderDto, "The folder"), ...writeErrors },
});

export const rename = createRoute({
	method: "patch",
	path: "/api/v1/document-folders/{id}",
	tags,
	summary: "Rename a folder",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ id: Id }), body: jsonBody(RenameFolderBody) },
	responses: { 200: jsonContent(FolderDto, "The folder"), ...writeErrors },
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/document-folders/{id}",
	tags,
	summary: "Delete an empty folder (409 while it holds anything)",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ id: Id }) },
	responses: { 204: { description: "Deleted" }, ...writeErrors },
});
