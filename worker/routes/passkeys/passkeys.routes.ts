/** Route declarations of passkeys: the account's own (add, list, rename, remove) and signing in with one, as first or second factor. */
import { createRoute, z } from "@hono/zod-openapi";
import { MeResponse } from "../../../schema/dto/auth";
import {
	AddPasskeyBody,
	PasskeyList,
	PasskeyMfaBody,
	PasskeyMfaOptionsBody,
	PasskeySignInBody,
	PasskeyView,
	RenamePasskeyBody,
	WebAuthnOptions,
} from "../../../schema/dto/passkeys";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const accountTags = ["Account security"];
const authTags = ["Authentication"];
const signedIn = { 401: problemContent("Not signed in") };
const PasskeyId = z.object({ id: z.string().regex(/^[a-z2-7]{16}$/, "is not a passkey id") });

export const registrationOptions = createRoute({
	method: "post",
	path: "/api/v1/me/passkeys/options",
	tags: accountTags,
	summary: "Start adding a passkey: creation options with a single-use challenge (five minutes)",
	middleware: [requirePermission("account:write")] as const,
	responses: { 200: jsonContent(WebAuthnOptions, "Hand `options` to navigator.credentials.create()"), ...WRITE_ERRORS, ...signedIn },
});

export const add = createRoute({
	method: "post",
	path: "/api/v1/me/passkeys",
	tags: accountTags,
	summary: "Finish adding a passkey: the browser's attestation and a name for it",
	description: "Checked against the challenge (single use), this agency's origin and RP ID (its host). Audited as `passkey.added`.",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(AddPasskeyBody) },
	responses: {
		201: jsonContent(PasskeyView, "The passkey is added"),
		...WRITE_ERRORS,
		...signedIn,
		400: problemContent("The challenge is expired or used, or the attestation does not verify"),
		409: problemContent("This credential is already registered"),
	},
});

export const list = createRoute({
	method: "get",
	path: "/api/v1/me/passkeys",
	tags: accountTags,
	summary: "The account's passkeys",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(PasskeyList, "Passkeys, oldest first"), ...signedIn, 404: problemContent("No agency here") },
});

export const rename = createRoute({
	method: "patch",
	path: "/api/v1/me/passkeys/{id}",
	tags: accountTags,
	summary: "Rename one of the account's passkeys",
	middleware: [requirePermission("account:write")] as const,
	request: { params: PasskeyId, body: jsonBody(RenamePasskeyBody) },
	responses: {
		200: jsonContent(PasskeyView, "Renamed"),
		...WRITE_ERRORS,
		...signedIn,
		404: problemContent("No such passkey on this account"),
	},
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/me/passkeys/{id}",
	tags: accountTags,
	summary: "Remove one of the account's passkeys (needs a sign-in within the last ten minutes)",
	middleware: [requirePermission("account:write")] as const,
	request: { params: PasskeyId },
	responses: {
		204: { description: "Removed" },
		...WRITE_ERRORS,
		...signedIn,
		403: problemContent("The session is older than ten minutes (`fresh-sign-in-required`), or a cross-site request"),
		404: problemContent("No such passkey on this account"),
		409: problemContent("It is the account's only way to sign in"),
	},
});

export const signInOptions = createRoute({
	method: "post",
	path: "/api/v1/auth/passkey/options",
	tags: authTags,
	summary: "Start a username-less passkey sign-in: request options with a single-use challenge",
	responses: {
		200: jsonContent(WebAuthnOptions, "Hand `options` to navigator.credentials.get()"),
		403: problemContent("A cross-site request was refused"),
		404: problemContent("No agency here"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});

export const signIn = createRoute({
	method: "post",
	path: "/api/v1/auth/passkey",
	tags: authTags,
	summary: "Sign in with a passkey (first factor, with user verification): sets the session cookie",
	request: { body: jsonBody(PasskeySignInBody) },
	responses: {
		200: jsonContent(MeResponse, "Signed in; the session cookie is set"),
		...WRITE_ERRORS,
		401: problemContent("The challenge is expired or used, or the passkey is unknown here or does not verify"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});

export const mfaOptions = createRoute({
	method: "post",
	path: "/api/v1/auth/login/mfa/passkey/options",
	tags: authTags,
	summary: "Second step with a passkey: request options for the account behind an MFA challenge",
	request: { body: jsonBody(PasskeyMfaOptionsBody) },
	responses: {
		200: jsonContent(WebAuthnOptions, "Hand `options` to navigator.credentials.get()"),
		...WRITE_ERRORS,
		401: problemContent("The MFA challenge is expired, used or unknown"),
	},
});

export const mfa = createRoute({
	method: "post",
	path: "/api/v1/auth/login/mfa/passkey",
	tags: authTags,
	summary: "Second step with a passkey: the MFA challenge plus an assertion of one of the account's passkeys",
	request: { body: jsonBody(PasskeyMfaBody) },
	responses: {
		200: jsonContent(MeResponse, "Signed in; the session cookie is set"),
		...WRITE_ERRORS,
		401: problemContent("The challenge is expired, used or unknown, or the passkey does not verify"),
		429: problemContent("Too many attempts; see Retry-After"),
	},
});
