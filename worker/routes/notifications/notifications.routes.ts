/** Route declarations of the notification centre: the signed-in person's own notifications and preferences. */
import { createRoute } from "@hono/zod-openapi";
import {
	MarkReadBody,
	NotificationListQuery,
	NotificationPage,
	NotificationPreferences,
	UnreadCount,
	UpdateNotificationPreferences,
} from "../../../schema/dto/notifications";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Notifications"];
const signedIn = { 401: problemContent("Not signed in"), 404: problemContent("No agency is served at this address") };

export const list = createRoute({
	method: "get",
	path: "/api/v1/notifications",
	tags,
	summary: "Your notifications, newest first, with the unread count",
	middleware: [requirePermission("account:read")] as const,
	request: { query: NotificationListQuery },
	responses: {
		200: jsonContent(NotificationPage, "A page of notifications"),
		422: problemContent("A query parameter is invalid"),
		...signedIn,
	},
});

export const unread = createRoute({
	method: "get",
	path: "/api/v1/notifications/unread-count",
	tags,
	summary: "How many of your notifications are unread (for the badge)",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(UnreadCount, "The unread count"), ...signedIn },
});

export const markRead = createRoute({
	method: "post",
	path: "/api/v1/notifications/read",
	tags,
	summary: "Mark some (`ids`) or all (`all: true`) of your notifications read",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(MarkReadBody) },
	responses: { 200: jsonContent(UnreadCount, "The unread count after"), ...signedIn, ...WRITE_ERRORS },
});

export const preferences = createRoute({
	method: "get",
	path: "/api/v1/notifications/preferences",
	tags,
	summary: "Which events reach you on which channel (in the app, email, push)",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(NotificationPreferences, "Every event × channel"), ...signedIn },
});

export const updatePreferences = createRoute({
	method: "put",
	path: "/api/v1/notifications/preferences",
	tags,
	summary: "Turn events on or off per channel",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(UpdateNotificationPreferences) },
	responses: { 200: jsonContent(NotificationPreferences, "The preferences after"), ...signedIn, ...WRITE_ERRORS },
});
