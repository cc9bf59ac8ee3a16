/** Route declarations of announcements: admins write and publish banners; clients read and dismiss theirs. */
import { createRoute } from "@hono/zod-openapi";
import { IdParams } from "../../../schema/dto/ids";
import { AnnouncementDto, AnnouncementList, BannerList, CreateAnnouncementBody, UpdateAnnouncementBody } from "../../../schema/dto/support";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Announcements"];
const signedIn = { 401: problemContent("Not signed in"), 403: problemContent("Your role cannot do this") };
const manage = requirePermission("announcements:manage");

export const list = createRoute({
	method: "get",
	path: "/api/v1/announcements",
	tags,
	summary: "Every announcement of the agency, published or not, newest start first",
	middleware: [manage] as const,
	responses: { 200: jsonContent(AnnouncementList, "The announcements"), ...signedIn },
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/announcements",
	tags,
	summary: "Write an announcement for every client or a segment (tiers, statuses or chosen clients), published by default",
	middleware: [manage] as const,
	request: { body: jsonBody(CreateAnnouncementBody) },
	responses: {
		201: jsonContent(AnnouncementDto, "The announcement"),
		...WRITE_ERRORS,
		...signedIn,
		409: problemContent("The id belongs to another record"),
	},
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/announcements/{id}",
	tags,
	summary: "Edit an announcement, or publish (`published: true`) and unpublish it",
	middleware: [manage] as const,
	request: { params: IdParams, body: jsonBody(UpdateAnnouncementBody) },
	responses: { 200: jsonContent(AnnouncementDto, "The announcement as saved"), ...WRITE_ERRORS, ...signedIn },
});

export const banners = createRoute({
	method: "get",
	path: "/api/v1/announcements/banners",
	tags,
	summary: "The banners the signed-in client person should see now (published, started, not ended, in their segment, not dismissed)",
	middleware: [requirePermission("announcements:read")] as const,
	responses: { 200: jsonContent(BannerList, "The banners"), ...signedIn },
});

export const dismiss = createRoute({
	method: "post",
	path: "/api/v1/announcements/{id}/dismiss",
	tags,
	summary: "Hide a banner for the signed-in user, for good",
	middleware: [requirePermission("announcements:read")] as const,
	request: { params: IdParams },
	responses: {
		204: { description: "Dismissed" },
		...signedIn,
		404: problemContent("No such banner for you"),
		422: problemContent("The id is malformed"),
	},
});
