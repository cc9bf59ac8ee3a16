/** Route declarations of API keys: create (shown once), list, revoke. */
import { createRoute } from "@hono/zod-openapi";
import { ApiKeyList, CreateApiKeyBody, CreatedApiKey } from "../../../schema/dto/api-keys";
import { IdParams } from "../../../schema/dto/ids";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";
import { requireFeature } from "../../services/billing/entitlements";

const tags = ["API keys"];
const errors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot manage API keys"),
	404: problemContent("No such API key in this agency"),
	422: problemContent("A field is invalid, or `scopes` includes a permission you do not have"),
};

export const create = createRoute({
	method: "post",
	path: "/api/v1/api-keys",
	tags,
	summary: "Create an API key with scopes within your own permissions; the key is in this response only (plans with API access)",
	middleware: [requirePermission("api_keys:manage"), requireFeature("api_access")] as const,
	request: { body: jsonBody(CreateApiKeyBody) },
	responses: { 201: jsonContent(CreatedApiKey, "The key (shown once) and its details"), ...errors },
});

export const list = createRoute({
	method: "get",
	path: "/api/v1/api-keys",
	tags,
	summary: "API keys not revoked, newest first: name, prefix, scopes, creator, expiry, last use",
	middleware: [requirePermission("api_keys:manage")] as const,
	responses: {
		200: jsonContent(ApiKeyList, "The keys (never their secrets)"),
		401: errors[401],
		403: errors[403],
		404: problemContent("No agency is served at this address"),
	},
});

export const revoke = createRoute({
	method: "delete",
	path: "/api/v1/api-keys/{id}",
	tags,
	summary: "Revoke an API key: it stops working at once",
	middleware: [requirePermission("api_keys:manage")] as const,
	request: { params: IdParams },
	responses: { 204: { description: "Revoked" }, ...errors },
});
