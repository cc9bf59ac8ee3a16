/** Route declarations of a client's people as the agency manages them: invitations from the client's page, and who may be linked. */
import { z } from "@hono/zod-openapi";
import { InvitationList, InvitationView, InviteClientPersonBody } from "../../../schema/dto/invitations";
import { IdParam, LinkCandidates } from "../../../schema/dto/portal";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Clients"];
const notFound = problemContent("No such client, or no such invitation for this client");
const writeErrors = {
	...BODY_ERRORS,
	404: notFound,
	409: problemContent("Already invited or already one of the client's people; a team member's address; or the invitation is closed"),
};
const IdParams = z.strictObject({ id: IdParam });
const invitationParams = z.strictObject({ id: IdParam, invitationId: IdParam });

export const listInvitations = protectedRoute({
	method: "get",
	path: "/api/v1/clients/{id}/invitations",
	tags,
	summary: "The client's open invitations (pending or expired), newest first",
	permission: "clients:write",
	request: { params: IdParams },
	responses: { 200: jsonContent(InvitationList, "The invitations"), 404: notFound },
});

export const invite = protectedRoute({
	method: "post",
	path: "/api/v1/clients/{id}/invitations",
	tags,
	summary: "Invite one of the client's people (name, email, role in the company): they join with the client role, linked to this client",
	permission: "clients:write",
	request: { params: IdParams, body: jsonBody(InviteClientPersonBody) },
	responses: { 201: jsonContent(InvitationView, "The invitation; the email is on its way"), ...writeErrors },
});

export const resend = protectedRoute({
	method: "post",
	path: "/api/v1/clients/{id}/invitations/{invitationId}/resend",
	tags,
	summary: "Send the client's invitee a new link (valid 7 days from now); the previous link stops working",
	permission: "clients:write",
	request: { params: invitationParams },
	responses: { 200: jsonContent(InvitationView, "The invitation"), ...writeErrors },
});

export const revoke = protectedRoute({
	method: "delete",
	path: "/api/v1/clients/{id}/invitations/{invitationId}",
	tags,
	summary: "Revoke the client's invitation: its link stops working and tasks waiting for the invitee go back to nobody",
	permission: "clients:write",
	request: { params: invitationParams },
	responses: { 204: { description: "Revoked" }, ...writeErrors },
});

export const candidates = protectedRoute({
	method: "get",
	path: "/api/v1/clients/{id}/people/candidates",
	tags,
	summary: "People who joined with the client role but belong to no client yet: whom this client's People card can link",
	permission: "clients:write",
	request: { params: IdParams },
	responses: { 200: jsonContent(LinkCandidates, "The people"), 404: notFound },
});
