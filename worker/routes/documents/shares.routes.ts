/** Route declarations of share links: create, list, revoke (signed in), and the public page's metadata and download (no sign-in). */
import { createRoute, z } from "@hono/zod-openapi";
import {
	CreatedShare,
	CreateShareBody,
	PublicShare,
	ShareDto,
	ShareList,
	SharePasswordForm,
	ShareTokenParam,
} from "../../../schema/dto/documents";
import { jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { readErrors, writeErrors } from "./documents.routes";

const tags = ["Documents"];
const Id = z.uuid("must be an id");
const publicErrors = {
	401: problemContent("The link needs a password, or the password is wrong (`errors` names password)"),
	404: problemContent("The link does not exist, has expired or was revoked"),
	422: problemContent("The token is not shaped like a share link"),
	429: problemContent("Too many wrong passwords for this link"),
};

export const create = createRoute({
	method: "post",
	path: "/api/v1/documents/{id}/shares",
	tags,
	summary: "Create an expiring share link (optionally with a password); the token is shown only now",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ id: Id }), body: jsonBody(CreateShareBody) },
	responses: { 201: jsonContent(CreatedShare, "The link"), ...writeErrors, 503: problemContent("SHARE_LINK_SECRET is not configured") },
});

export const list = createRoute({
	method: "get",
	path: "/api/v1/documents/{id}/shares",
	tags,
	summary: "The share links of a document, newest first, with download counts",
	middleware: [requirePermission("documents:read")] as const,
	request: { params: z.strictObject({ id: Id }) },
	responses: { 200: jsonContent(ShareList, "The links"), ...readErrors },
});

export const revoke = createRoute({
	method: "delete",
	path: "/api/v1/document-shares/{id}",
	tags,
	summary: "Revoke a share link (it stops working at once)",
	middleware: [requirePermission("documents:write")] as const,
	request: { params: z.strictObject({ id: Id }) },
	responses: { 200: jsonContent(ShareDto, "The revoked link"), ...writeErrors },
});

export const publicInfo = createRoute({
	method: "get",
	path: "/api/v1/shared/{token}",
	tags,
	summary: "Public: the shared file's name and size, and whether a password is needed (no sign-in)",
	request: { params: ShareTokenParam },
	responses: { 200: jsonContent(PublicShare, "The shared file"), ...publicErrors },
});

const fileResponse = {
	content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
	description: "The file, as a download",
};

export const publicDownload = createRoute({
	method: "get",
	path: "/api/v1/shared/{token}/download",
	tags,
	summary: "Public: download a shared file that needs no password",
	request: { params: ShareTokenParam },
	responses: { 200: fileResponse, ...publicErrors },
});

export const publicDownloadWithPassword = createRoute({
	method: "post",
	path: "/api/v1/shared/{token}/download",
	tags,
	summary: "Public: download a shared file, with its password (a form post from the share page)",
	request: {
		params: ShareTokenParam,
		body: { required: true, content: { "application/x-www-form-urlencoded": { schema: SharePasswordForm } } },
	},
	responses: { 200: fileResponse, ...publicErrors },
});
