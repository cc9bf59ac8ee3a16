/** Route declarations of Web Push: the server key, this user's devices, and a test notification. */
import { createRoute, z } from "@hono/zod-openapi";
import { PushConfig, PushDevice, PushDeviceList, PushSubscriptionInput, PushTestResult } from "../../../schema/dto/push";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Push notifications"];
const signedIn = { 401: problemContent("Not signed in"), 404: problemContent("No agency is served at this address") };

export const config = createRoute({
	method: "get",
	path: "/api/v1/push/config",
	tags,
	summary: "The VAPID application server key browsers subscribe with (null when push is off)",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(PushConfig, "Push configuration"), ...signedIn },
});

export const listDevices = createRoute({
	method: "get",
	path: "/api/v1/push/subscriptions",
	tags,
	summary: "The devices on which the signed-in user receives push notifications",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(PushDeviceList, "Devices, oldest first"), ...signedIn },
});

export const subscribe = createRoute({
	method: "post",
	path: "/api/v1/push/subscriptions",
	tags,
	summary: "Register this browser's push subscription (the same endpoint again updates it)",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(PushSubscriptionInput) },
	responses: {
		201: jsonContent(PushDevice, "The device"),
		401: problemContent("Not signed in"),
		409: problemContent("Push is not configured on this deployment"),
		...WRITE_ERRORS,
	},
});

export const removeDevice = createRoute({
	method: "delete",
	path: "/api/v1/push/subscriptions/{id}",
	tags,
	summary: "Stop pushing to one of the signed-in user's devices",
	middleware: [requirePermission("account:write")] as const,
	request: { params: z.object({ id: z.string().max(64, "is not a device id") }) },
	responses: { 204: { description: "Removed" }, 401: problemContent("Not signed in"), 404: problemContent("No such device of yours") },
});

export const sendTest = createRoute({
	method: "post",
	path: "/api/v1/push/test",
	tags,
	summary: "Push a test notification to every device of the signed-in user, now",
	middleware: [requirePermission("account:write")] as const,
	responses: {
		200: jsonContent(PushTestResult, "How many devices received it, how many were gone and removed, and how many push services failed"),
		401: problemContent("Not signed in"),
		409: problemContent("Push is not configured on this deployment"),
	},
});
