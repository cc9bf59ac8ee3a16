/** Route declarations of invitations: send, list, resend, revoke (members:manage), and the public preview and acceptance. */
import { createRoute, z } from "@hono/zod-openapi";
import { MeResponse } from "../../../schema/dto/auth";
import { IdParams } from "../../../schema/dto/ids";
import {
	AcceptInvitationBody,
	CreateInvitationBody,
	InvitationList,
	InvitationListQuery,
	InvitationPreview,
	InvitationToken,
	InvitationView,
} from "../../../schema/dto/invitations";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Team"];
const errors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Not allowed: missing members:manage, or the role is above your own"),
	404: problemContent("No such invitation in this agency"),
	409: problemContent("Already invited, or the invitation is closed"),
	422: problemContent("A field is invalid; `email` outside the agency's invitation domains"),
};

export const create = createRoute({
	method: "post",
	path: "/api/v1/invitations",
	tags,
	summary: "Invite someone by email: a single-use link valid for 7 days",
	middleware: [requirePermission("members:manage")] as const,
	request: { body: jsonBody(CreateInvitationBody) },
	responses: { 201: jsonContent(InvitationView, "The invitation; the email is on its way"), ...errors },
});

export const list = createRoute({
	method: "get",
	path: "/api/v1/invitations",
	tags,
	summary: "Invitations, newest first, optionally by status (pending, accepted, revoked, expired)",
	middleware: [requirePermission("members:manage")] as const,
	request: { query: InvitationListQuery },
	responses: {
		200: jsonContent(InvitationList, "The invitations"),
		401: errors[401],
		403: errors[403],
		404: problemContent("No agency is served at this address"),
		422: problemContent("A query parameter is invalid"),
	},
});

export const resend = createRoute({
	method: "post",
	path: "/api/v1/invitations/{id}/resend",
	tags,
	summary: "Send a new link (valid 7 days from now); the previous link stops working",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: IdParams },
	responses: { 200: jsonContent(InvitationView, "The invitation"), ...errors },
});

export const revoke = createRoute({
	method: "delete",
	path: "/api/v1/invitations/{id}",
	tags,
	summary: "Revoke an invitation: its link stops working at once",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: IdParams },
	responses: { 204: { description: "Revoked" }, ...errors },
});

export const preview = createRoute({
	method: "get",
	path: "/api/v1/invitations/accept/{token}",
	tags,
	summary: "Public: what an invitation link offers (agency, email, role); no secrets",
	request: { params: z.strictObject({ token: InvitationToken.meta({ param: { name: "token", in: "path" } }) }) },
	responses: {
		200: jsonContent(InvitationPreview, "The invitation"),
		404: problemContent("The link is not valid on this agency's address"),
		410: problemContent("The link was used, revoked or has expired"),
		422: problemContent("The token is malformed"),
	},
});

export const accept = createRoute({
	method: "post",
	path: "/api/v1/invitations/accept",
	tags,
	summary: "Accept an invitation: creates the account (name, password) or adds the membership, and signs in",
	description:
		"For an email with no account here, `name` and `password` are required. For an existing account, be signed in as that email or give its `password`.",
	request: { body: jsonBody(AcceptInvitationBody) },
	responses: {
		200: jsonContent(MeResponse, "Accepted and signed in; the session cookie is set"),
		...WRITE_ERRORS,
		401: problemContent("The email has an account: sign in or give its password"),
		403: problemContent("Signed in as someone else"),
		404: problemContent("The link is not valid on this agency's address"),
		409: problemContent("The last owner cannot accept a lesser role"),
		410: problemContent("The link was used, revoked or has expired"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});
