/** Route declarations of the account's TOTP second factor and recovery codes. */
import { createRoute } from "@hono/zod-openapi";
import { FreshSecondFactorBody, MfaStatus, RecoveryCodes, TotpCodeBody, TotpEnrolment } from "../../../schema/dto/account-security";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Account security"];
const errors = { ...WRITE_ERRORS, 401: problemContent("Not signed in"), 409: problemContent("TOTP is already on, or is not on") };

export const status = createRoute({
	method: "get",
	path: "/api/v1/me/mfa",
	tags,
	summary: "Whether TOTP is on and how many recovery codes are left",
	middleware: [requirePermission("account:read")] as const,
	responses: { 200: jsonContent(MfaStatus, "MFA status"), 401: problemContent("Not signed in"), 404: problemContent("No agency here") },
});

export const enrol = createRoute({
	method: "post",
	path: "/api/v1/me/mfa/totp/enrol",
	tags,
	summary: "Start TOTP enrolment: a new secret, its otpauth URI and a QR code (SVG)",
	middleware: [requirePermission("account:write")] as const,
	responses: { 200: jsonContent(TotpEnrolment, "Scan the QR code or type the secret, then confirm with a code"), ...errors },
});

export const confirm = createRoute({
	method: "post",
	path: "/api/v1/me/mfa/totp/confirm",
	tags,
	summary: "Confirm enrolment with a code: MFA is on, and ten recovery codes are returned once",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(TotpCodeBody) },
	responses: { 200: jsonContent(RecoveryCodes, "MFA is on; store these codes now"), ...errors },
});

export const disable = createRoute({
	method: "delete",
	path: "/api/v1/me/mfa/totp",
	tags,
	summary: "Turn TOTP off (needs a fresh code or a recovery code)",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(FreshSecondFactorBody) },
	responses: { 204: { description: "MFA is off; recovery codes are deleted" }, ...errors },
});

export const regenerate = createRoute({
	method: "post",
	path: "/api/v1/me/mfa/recovery-codes",
	tags,
	summary: "Replace the recovery codes (needs a fresh code); the old ones stop working",
	middleware: [requirePermission("account:write")] as const,
	request: { body: jsonBody(TotpCodeBody) },
	responses: { 200: jsonContent(RecoveryCodes, "The new codes, shown once"), ...errors },
});
