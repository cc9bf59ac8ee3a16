/** Route declarations of the public authentication contract: sign-up, sign-in (with its MFA step), hand-off, sign-out, and the emailed-link flows (verify, reset, unlock). */
import { createRoute, z } from "@hono/zod-openapi";
import { Accepted, PasswordResetCompleteBody, PasswordResetRequestBody } from "../../../schema/dto/account-security";
import {
	HandoffBody,
	LoginBody,
	LoginMfaBody,
	LoginResponse,
	MeResponse,
	SignupBody,
	SignupResponse,
	TokenBody,
} from "../../../schema/dto/auth";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";

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
	description:
		"Without MFA: the identity, and the session cookie is set. With MFA on the account: `{ mfaRequired: true, challenge, methods }` and no cookie; finish at `POST /api/v1/auth/login/mfa`. After repeated wrong passwords the account is locked for a growing, always bounded time and the answer is 429 without checking the password.",
	request: { body: jsonBody(LoginBody) },
	responses: {
		200: jsonContent(LoginResponse, "Signed in (cookie set), or a second step is needed (no cookie)"),
		...WRITE_ERRORS,
		401: problemContent("The email or password is not right"),
		429: problemContent("Too many attempts, or the account is locked for a while; see Retry-After"),
	},
});

export const loginMfa = createRoute({
	method: "post",
	path: "/api/v1/auth/login/mfa",
	tags,
	summary: "Second step of sign-in: the challenge plus a TOTP code or a recovery code",
	description: "The challenge is single-use, valid five minutes, only on the agency that issued it, and allows five codes.",
	request: { body: jsonBody(LoginMfaBody) },
	responses: {
		200: jsonContent(MeResponse, "Signed in; the session cookie is set"),
		...WRITE_ERRORS,
		401: problemContent("The challenge is expired, used or unknown, or the code is wrong"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});

export const unlock = createRoute({
	method: "post",
	path: "/api/v1/auth/unlock",
	tags,
	summary: "Unlock an account with the single-use link emailed when it was locked",
	request: { body: jsonBody(TokenBody) },
	responses: {
		204: { description: "Unlocked; sign in again" },
		...WRITE_ERRORS,
		400: problemContent("The link is expired, used or unknown"),
	},
});

export const verifyEmail = createRoute({
	method: "post",
	path: "/api/v1/auth/verify-email",
	tags,
	summary: "Confirm an email address with its single-use link (also completes an email change)",
	request: { body: jsonBody(TokenBody) },
	responses: {
		200: jsonContent(z.object({ email: z.string() }), "The address is confirmed"),
		...WRITE_ERRORS,
		400: problemContent("The link is expired, used or unknown"),
		409: problemContent("Another account of the agency took the new address meanwhile"),
	},
});

export const passwordResetRequest = createRoute({
	method: "post",
	path: "/api/v1/auth/password-reset/request",
	tags,
	summary: "Email a password-reset link (same answer whether or not the email has an account)",
	request: { body: jsonBody(PasswordResetRequestBody) },
	responses: { 202: jsonContent(Accepted, "If the account exists, the link is on its way"), ...WRITE_ERRORS },
});

export const passwordResetComplete = createRoute({
	method: "post",
	path: "/api/v1/auth/password-reset/complete",
	tags,
	summary: "Set a new password with a reset link; signs the account out everywhere",
	request: { body: jsonBody(PasswordResetCompleteBody) },
	responses: {
		204: { description: "The password is changed; every session of the account has ended" },
		...WRITE_ERRORS,
		400: problemContent("The link is expired, used or unknown"),
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
