/** Route declarations of one's own profile: name, time zone and locale (`PATCH /api/v1/me`), and the avatar. */
import { z } from "@hono/zod-openapi";
import { MeResponse } from "../../../schema/dto/auth";
import { Profile, ProfileUpdate } from "../../../schema/dto/profile";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Account"];

export const updateProfile = protectedRoute({
	method: "patch",
	path: "/api/v1/me",
	tags,
	summary:
		"Change your own name, time zone (IANA) or locale (BCP-47); only the fields sent change, null puts a preference back to the device's",
	permission: "account:write",
	request: { body: jsonBody(ProfileUpdate) },
	responses: { 200: jsonContent(MeResponse, "You, with the new profile"), ...BODY_ERRORS },
});

export const uploadAvatar = protectedRoute({
	method: "put",
	path: "/api/v1/me/avatar",
	tags,
	summary: "Set your avatar: a square PNG of 64 to 1024 pixels, at most 256 KB",
	permission: "account:write",
	request: { body: { required: true, content: { "image/png": { schema: z.string().meta({ format: "binary" }) } } } },
	responses: {
		200: jsonContent(Profile, "Your profile with the new avatar"),
		415: problemContent("The body is not image/png"),
		...BODY_ERRORS,
	},
});

export const removeAvatar = protectedRoute({
	method: "delete",
	path: "/api/v1/me/avatar",
	tags,
	summary: "Remove your avatar (your initials show instead)",
	permission: "account:write",
	responses: { 200: jsonContent(Profile, "Your profile without an avatar") },
});

export const readAvatar = protectedRoute({
	method: "get",
	path: "/api/v1/me/avatar",
	tags,
	summary: "Your avatar image",
	permission: "account:read",
	request: { query: z.object({ v: z.string().max(40).optional() }) },
	responses: {
		200: { description: "The PNG", content: { "image/png": { schema: z.string().meta({ format: "binary" }) } } },
		404: problemContent("You have no avatar"),
	},
});
