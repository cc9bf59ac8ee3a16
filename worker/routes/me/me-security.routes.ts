/** Route declarations of the account's own security: sessions, sign-in history, password, email and its verification. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	Accepted,
	ChangeEmailBody,
	ChangePasswordBody,
	PageLimit,
	RevokedCount,
	SessionList,
	SignInCursor,
	SignInPage,
} from "../../../schema/dto/account-security";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Account security"];
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Not allowed, or the agency's policy asks for MFA setup first"),
	404: problemContent("No agency is served at this address"),
};
const writeErrors = { ...WRITE_ERRORS, 401: problemContent("Not signed in") };

export const listSessions = createRoute({
	method: "get",
	path: "/api/v1/me/sessions",
	tags,
	summary: "The account's active sessions, with device, place, IP and last activity; `current` marks this one",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(SessionList, "Active sessions"), ...readErrors },
});

export const revokeSession = createRoute({
	method: "delete",
	path: "/api/v1/me/sessions/{id}",
	tags,
	summary: "Sign one of the account's sessions out (at once)",
	middleware: [requirePermission("account:write")] as const,
	request: { params: z.object({ id: z.string().regex(/^[a-z2-7]{16}$/, "is not a session id") }) },
	responses: {
		204: { description: "The session has ended" },
		...readErrors,
		404: problemContent("No such session on this account"),
		422: problemContent("The id is malformed"),
	},
});

export const revokeOtherSessions = createRoute({
	method: "post",
	path: "/api/v1/me/sessions/revoke-others",
	tags,
	summary: "Sign out every session of the account except this one",
	middleware: [requirePermission("account:write")] as const,
	responses: { 200: jsonContent(RevokedCount, "How many sessions ended"), ...readErrors },
});

export const mySignIns = createRoute({
	method: "get",
	path: "/api/v1/me/sign-ins",
	tags,
	summary: "The account's sign-in history, newest first (cursor-paginated)",
	middleware: [requirePermission("account:read")] as const,
	request: { query: z.strictObject({ cursor: SignInCursor, limit: PageLimit }) },
	responses: { 200: jsonContent(SignInPage, "One page of sign-ins"), ...readErrors, 422: problemContent("A query parameter is invalid") },
});

export const changePassword = createRoute({
	method: "post",
	path: "/api/v1/me/password",
	tags,
	summary: "Change the password (needs the current one); every other session is signed out",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(ChangePasswordBody) },
	responses: { 200: jsonContent(RevokedCount, "Changed; how many other sessions ended"), ...writeErrors },
});

export const changeEmail = createRoute({
	method: "post",
	path: "/api/v1/me/email",
	tags,
	summary: "Ask to change the email: a link goes to the new address, and the change happens when it is opened",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(ChangeEmailBody) },
	responses: {
		202: jsonContent(Accepted, "The confirmation link is on its way to the new address"),
		...writeErrors,
		409: problemContent("Another account of the agency uses that address (`newEmail`)"),
		429: problemContent("Too many emails sent recently; see Retry-After"),
	},
});

export const resendVerification = createRoute({
	method: "post",
	path: "/api/v1/me/email/verification",
	tags,
	summary: "Send a new verification link to the account's email",
	middleware: [requirePermission("account:write")] as const,
	responses: {
		202: jsonContent(Accepted, "The link is on its way"),
		...readErrors,
		409: problemContent("The email is already verified"),
		429: problemContent("Too many emails sent recently; see Retry-After"),
	},
});
