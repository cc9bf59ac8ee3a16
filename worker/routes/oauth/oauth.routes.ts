/** Route declarations of OAuth sign-in (Google, Microsoft, GitHub): start, callback, and the account's linked providers. */
import { createRoute } from "@hono/zod-openapi";
import {
	LinkedAccounts,
	OAuthCallbackQuery,
	OAuthProviderParam,
	OAuthProviders,
	OAuthRedirect,
	OAuthStartQuery,
} from "../../../schema/dto/oauth";
import { jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const authTags = ["Authentication"];
const accountTags = ["Account security"];
const redirect = (description: string) => ({ description, headers: { Location: { schema: { type: "string" as const } } } });

export const providers = createRoute({
	method: "get",
	path: "/api/v1/auth/oauth/providers",
	tags: authTags,
	summary: "The OAuth providers this deployment offers (those with credentials configured)",
	responses: { 200: jsonContent(OAuthProviders, "Providers"), 404: problemContent("No agency here") },
});

export const start = createRoute({
	method: "get",
	path: "/api/v1/auth/oauth/{provider}/start",
	tags: authTags,
	summary: "Start signing in with a provider: redirects there with state, PKCE and a nonce bound to a short-lived cookie",
	request: { params: OAuthProviderParam, query: OAuthStartQuery },
	responses: {
		302: redirect("To the provider's authorization page"),
		404: problemContent("The provider is not configured, or no agency here"),
		422: problemContent("Unknown provider"),
	},
});

export const callback = createRoute({
	method: "get",
	path: "/api/v1/auth/oauth/{provider}/callback",
	tags: authTags,
	summary: "Where the provider sends the browser back: signs in or links, then redirects into the app",
	description:
		"Success: the session cookie and a redirect to the safe `next` path (or `/signin#mfa=<challenge>&methods=…` when the account has two-step sign-in; or `/account/security?linked=<provider>` after linking). Refusal: a redirect to `/signin?oauth_error=<reason>` (or `/account/security?oauth_error=<reason>`), reasons `invalid-state`, `provider-refused`, `unverified-email`, `no-account`, `already-linked`, `not-signed-in`.",
	request: { params: OAuthProviderParam, query: OAuthCallbackQuery },
	responses: {
		302: redirect("Into the app"),
		404: problemContent("The provider is not configured, or no agency here"),
		422: problemContent("Unknown provider, or a malformed query"),
	},
});

export const linked = createRoute({
	method: "get",
	path: "/api/v1/me/oauth",
	tags: accountTags,
	summary: "The account's linked providers, and the providers it could link",
	middleware: [requirePermission("account:read")] as const,
	responses: {
		200: jsonContent(LinkedAccounts, "Linked and available providers"),
		401: problemContent("Not signed in"),
		404: problemContent("No agency here"),
	},
});

export const link = createRoute({
	method: "post",
	path: "/api/v1/me/oauth/{provider}/link",
	tags: accountTags,
	summary: "Start linking a provider to the signed-in account: answers the provider URL to open (and sets the flow cookie)",
	middleware: [requirePermission("account:write")] as const,
	request: { params: OAuthProviderParam },
	responses: {
		200: jsonContent(OAuthRedirect, "Open `url` in this window"),
		...WRITE_ERRORS,
		401: problemContent("Not signed in"),
		404: problemContent("The provider is not configured"),
		409: problemContent("A provider account is already linked"),
	},
});

export const unlink = createRoute({
	method: "delete",
	path: "/api/v1/me/oauth/{provider}",
	tags: accountTags,
	summary: "Unlink a provider (never the account's last way to sign in)",
	middleware: [requirePermission("account:write")] as const,
	request: { params: OAuthProviderParam },
	responses: {
		204: { description: "Unlinked" },
		...WRITE_ERRORS,
		401: problemContent("Not signed in"),
		404: problemContent("That provider is not linked"),
		409: problemContent("It is the account's only way to sign in"),
	},
});
