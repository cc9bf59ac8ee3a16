/** Route declarations of the deliverables download centre: what was delivered, and bulk-download archives. */
import { createRoute, z } from "@hono/zod-openapi";
import { ArchiveDto, ArchiveList, ArchiveRequestBody, DeliveredPage, DeliveredQuery } from "../../../schema/dto/downloads";
import { IdParam } from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Downloads"];
const idParams = z.strictObject({ id: IdParam });
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot download deliverables"),
	404: problemContent("No such download (or not yours)"),
	422: problemContent("A parameter is invalid; `errors` names it"),
};
const idempotency = z.object({
	"idempotency-key": z.string().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
});

export const delivered = createRoute({
	method: "get",
	path: "/api/v1/downloads/deliverables",
	tags,
	summary: "Everything delivered to the clients you may see (a client: their own), filterable, newest first",
	middleware: [requirePermission("projects:read")] as const,
	request: { query: DeliveredQuery },
	responses: { 200: jsonContent(DeliveredPage, "One page of delivered files and links"), ...readErrors },
});

export const requestArchive = createRoute({
	method: "post",
	path: "/api/v1/downloads/archives",
	tags,
	summary: "Ask for one zip of chosen deliverables (or all matching a filter); a job builds it, poll its status",
	middleware: [requirePermission("documents:read")] as const,
	request: { headers: idempotency, body: jsonBody(ArchiveRequestBody) },
	responses: {
		202: jsonContent(ArchiveDto, "The archive, pending (or the one made for the same Idempotency-Key)"),
		...WRITE_ERRORS,
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot download deliverables"),
	},
});

export const listArchives = createRoute({
	method: "get",
	path: "/api/v1/downloads/archives",
	tags,
	summary: "Your recent bulk downloads, newest first",
	middleware: [requirePermission("documents:read")] as const,
	responses: { 200: jsonContent(ArchiveList, "Your archives"), ...readErrors },
});

export const getArchive = createRoute({
	method: "get",
	path: "/api/v1/downloads/archives/{id}",
	tags,
	summary: "One of your bulk downloads: pending, building, ready (with its download address), failed or expired",
	middleware: [requirePermission("documents:read")] as const,
	request: { params: idParams },
	responses: { 200: jsonContent(ArchiveDto, "The archive"), ...readErrors },
});

export const archiveFile = createRoute({
	method: "get",
	path: "/api/v1/downloads/archives/{id}/file",
	tags,
	summary: "Download your ready archive as a zip",
	middleware: [requirePermission("documents:read")] as const,
	request: { params: idParams },
	responses: {
		200: { content: { "application/zip": { schema: z.string().meta({ format: "binary" }) } }, description: "The zip" },
		...readErrors,
		409: problemContent("Not ready yet, or it failed"),
		410: problemContent("Expired: ask for a new download"),
	},
});
