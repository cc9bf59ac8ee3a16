/**
 * Route declarations of per-agency SSO (OpenID Connect): the settings (readable with
 * `tenant:manage`, changed by owners only), domain verification and test, and the sign-in redirect flow.
 */
import { createRoute } from "@hono/zod-openapi";
import { OAuthCallbackQuery, OAuthRedirect, OAuthStartQuery } from "../../../schema/dto/oauth";
import { SsoDomainParams, SsoEnabledBody, SsoPublic, SsoSettings, SsoSettingsBody } from "../../../schema/dto/sso";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const settingsTags = ["Agency security"];
const authTags = ["Authentication"];
const redirect = (description: string) => ({ description, headers: { Location: { schema: { type: "string" as const } } } });
const adminErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role does not allow this, the plan has no SSO (`plan-feature-required`), or a cross-site request"),
	404: problemContent("No agency here"),
};
const ownerErrors = {
	...adminErrors,
	403: problemContent(
		"Not an owner (`sso-owner-only`: only owners change SSO), the plan has no SSO (`plan-feature-required`), or a cross-site request",
	),
};

export const getSettings = createRoute({
	method: "get",
	path: "/api/v1/tenant/sso",
	tags: settingsTags,
	summary: "The agency's single sign-on settings (the client secret is never returned)",
	middleware: [requirePermission("tenant:manage")] as const,
	responses: { 200: jsonContent(SsoSettings, "Settings"), ...adminErrors },
});

export const saveSettings = createRoute({
	method: "put",
	path: "/api/v1/tenant/sso",
	tags: settingsTags,
	summary: "Set the IdP (issuer, client id and secret) and the staff email domains; discovery is fetched and checked",
	description:
		"Owners only. A different issuer, client id or secret clears the test and switches SSO off until a new test sign-in succeeds. A domain new to the list gets a DNS TXT record to publish and stays unverified until checked. The saving owner becomes the configurer: SSO never signs in a member ranking above them without an owner's approval. Audited as `sso.configured` and `sso.domain_verification_started`.",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(SsoSettingsBody) },
	responses: {
		200: jsonContent(SsoSettings, "Saved"),
		...WRITE_ERRORS,
		...ownerErrors,
		422: problemContent("A field is invalid, or discovery failed (`issuer`)"),
	},
});

export const setEnabled = createRoute({
	method: "patch",
	path: "/api/v1/tenant/sso",
	tags: settingsTags,
	summary: "Switch single sign-on on or off, and approve (or not) SSO sign-in of members ranking above the configurer",
	description:
		"Owners only. Switching on needs a successful test sign-in of these settings and every domain verified. `allowPrivilegedUsers: true` records the acting owner's approval; it lapses when they stop being an owner. Audited as `sso.enabled`, `sso.disabled`, `sso.privileged_access_changed`.",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(SsoEnabledBody) },
	responses: {
		200: jsonContent(SsoSettings, "Switched"),
		...WRITE_ERRORS,
		...ownerErrors,
		404: problemContent("SSO is not set up"),
		409: problemContent(
			"No successful test sign-in of these settings yet (`sso-test-required`), or a domain is not verified (`sso-domain-unverified`, naming `domains.<i>`)",
		),
	},
});

export const verifyDomain = createRoute({
	method: "post",
	path: "/api/v1/tenant/sso/domains/{domain}/verify",
	tags: settingsTags,
	summary: "Check an SSO domain's DNS TXT record (`_atrium-sso.<domain>`); the answer shows its state and any error",
	description:
		"Owners only. A matching record marks the domain verified (`sso.domain_verified`); otherwise the domain stays pending with `lastCheckError` (`sso.domain_verification_failed`).",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { params: SsoDomainParams },
	responses: {
		200: jsonContent(SsoSettings, "Checked"),
		...WRITE_ERRORS,
		...ownerErrors,
		404: problemContent("SSO is not set up"),
		422: problemContent("Not one of the saved SSO domains (`domain`)"),
	},
});

export const startTest = createRoute({
	method: "post",
	path: "/api/v1/tenant/sso/test",
	tags: settingsTags,
	summary: "Start a test sign-in at the IdP (owners only): answers the URL to open; success marks the settings tested",
	middleware: [requirePermission("tenant:manage")] as const,
	responses: {
		200: jsonContent(OAuthRedirect, "Open `url` in this window"),
		...WRITE_ERRORS,
		...ownerErrors,
		404: problemContent("SSO is not set up"),
	},
});

export const status = createRoute({
	method: "get",
	path: "/api/v1/auth/sso",
	tags: authTags,
	summary: "Whether this agency offers single sign-on (for the sign-in page)",
	responses: { 200: jsonContent(SsoPublic, "SSO on or off"), 404: problemContent("No agency here") },
});

export const start = createRoute({
	method: "get",
	path: "/api/v1/auth/sso/start",
	tags: authTags,
	summary: "Start an SSO sign-in: redirects to the agency's IdP with state, PKCE and a nonce bound to a short-lived cookie",
	request: { query: OAuthStartQuery },
	responses: {
		302: redirect("To the IdP"),
		404: problemContent("SSO is not on here"),
		422: problemContent("A query parameter is invalid"),
	},
});

export const callback = createRoute({
	method: "get",
	path: "/api/v1/auth/sso/callback",
	tags: authTags,
	summary: "Where the IdP sends the browser back: signs in (or completes a test), then redirects into the app",
	description:
		"Sign-in: the session cookie and the safe `next` path; `/signin#mfa=<challenge>&methods=…` when the agency's second step is needed (the id_token did not assert MFA); or `/signin?sso_error=<reason>`. Test: `/settings/sso?tested=1` or `/settings/sso?sso_error=<reason>`. Reasons: `invalid-state`, `provider-refused`, `domain-not-allowed`, `domain-not-verified`, `role-not-allowed`, `no-account`, `not-signed-in`, `sso-off`.",
	request: { query: OAuthCallbackQuery },
	responses: { 302: redirect("Into the app"), 404: problemContent("SSO is not set up here"), 422: problemContent("A malformed query") },
});
