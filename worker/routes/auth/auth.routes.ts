/** Route declarations of the public authentication contract: sign-up, sign-in, hand-off, sign-out. */
import { createRoute } from "@hono/zod-openapi";
import { HandoffBody, LoginBody, MeResponse, SignupBody, SignupResponse } from "../../../schema/dto/auth";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../lib/openapi-responses";

const tags = ["Authentication"];

export const signup = createRoute({
	method: "post",
	path: "/api/v1/auth/signup",
	tags,
	summary: "Sign up an agency (platform host only)",
	description:
		"Creates the agency's tenant at `<slug>.<platform domain>` and its owner. Open `handoffUrl` to land on the tenant host signed in; its one-time token lasts two minutes.",
	request: { body: jsonBody(SignupBody) },
	responses: {
		201: jsonContent(SignupResponse, "The agency exists; its URL and the owner's one-time sign-in link"),
		...WRITE_ERRORS,
		409: problemContent("The slug is taken"),
		429: problemContent("Too many sign-ups from this address; see Retry-After"),
	},
});

export const login = createRoute({
	method: "post",
	path: "/api/v1/auth/login",
	tags,
	summary: "Sign in with email and password (tenant host)",
	request: { body: jsonBody(LoginBody) },
	responses: {
		200: jsonContent(MeResponse, "Signed in; the session cookie is set"),
		...WRITE_ERRORS,
		401: problemContent("The email or password is not right"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});

export const handoff = createRoute({
	method: "post",
	path: "/api/v1/auth/handoff",
	tags,
	summary: "Redeem a one-time hand-off token from sign-up (tenant host)",
	request: { body: jsonBody(HandoffBody) },
	responses: {
		200: jsonContent(MeResponse, "Signed in; the session cookie is set"),
		...WRITE_ERRORS,
		401: problemContent("The token is expired, used or unknown"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});

export const logout = createRoute({
	method: "post",
	path: "/api/v1/auth/logout",
	tags,
	summary: "Sign out: the session is deleted on the server and the cookie cleared",
	responses: {
		204: { description: "Signed out (also when no session was open)" },
		403: problemContent("A cross-site request was refused"),
		404: problemContent("No agency is served at this address"),
	},
});
