/** Route declarations of the agency's account security: everyone's sign-ins, unlocking a member, and the security policy. */
import { createRoute, z } from "@hono/zod-openapi";
import { PageLimit, SecurityPolicy, SecurityPolicyPatch, SignInCursor, SignInPage } from "../../../schema/dto/account-security";
import { SIGN_IN_OUTCOMES } from "../../../schema/tables/sign-in-events";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Agency security"];
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role does not allow this"),
	404: problemContent("No agency is served at this address"),
	422: problemContent("A parameter is invalid"),
};

export const signIns = createRoute({
	method: "get",
	path: "/api/v1/sign-ins",
	tags,
	summary: "Every sign-in attempt on the agency, newest first; filter by user and outcome (cursor-paginated)",
	middleware: [requirePermission("audit:read")] as const,
	request: {
		query: z.strictObject({
			userId: z.string().max(64, "is not a user id").optional(),
			outcome: z.enum(SIGN_IN_OUTCOMES).optional(),
			cursor: SignInCursor,
			limit: PageLimit,
		}),
	},
	responses: { 200: jsonContent(SignInPage, "One page of sign-in attempts"), ...errors },
});

export const unlockMember = createRoute({
	method: "post",
	path: "/api/v1/members/{userId}/unlock",
	tags,
	summary: "End a member's sign-in lockout now",
	middleware: [requirePermission("members:manage")] as const,
	request: { params: z.object({ userId: z.string().max(64, "is not a user id") }) },
	responses: {
		200: jsonContent(z.object({ wasLocked: z.boolean() }), "The member can sign in again"),
		...errors,
		404: problemContent("No such member of this agency"),
	},
});

export const getPolicy = createRoute({
	method: "get",
	path: "/api/v1/tenant/security-policy",
	tags,
	summary: "The agency's account-security policy",
	middleware: [requirePermission("tenant:read")] as const,
	responses: { 200: jsonContent(SecurityPolicy, "The policy"), ...errors },
});

export const patchPolicy = createRoute({
	method: "patch",
	path: "/api/v1/tenant/security-policy",
	tags,
	summary: "Change what unverified accounts may do (`unverifiedAccess`) and who must use MFA (`mfaRequired`)",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(SecurityPolicyPatch) },
	responses: { 200: jsonContent(SecurityPolicy, "The policy now"), ...WRITE_ERRORS, 401: problemContent("Not signed in") },
});
