/** Route declarations of the agency's own AI provider keys (owners and admins: tenant:manage). */
import { AiKeyKindParam, AiProviderKeyList, AiProviderKeyView, SaveAiProviderKeyBody } from "../../../schema/dto/ai-provider-keys";
import { BODY_ERRORS, jsonBody, jsonContent, problemContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

const tags = ["Assistant"];
const notConnected = { 404: problemContent("No key of this kind is connected") };

export const listKeys = protectedRoute({
	method: "get",
	path: "/api/v1/assistant/provider-keys",
	tags,
	summary: "The agency's own AI provider keys: last four characters, latest check, and the models each answers for on this plan",
	permission: "tenant:manage",
	responses: { 200: jsonContent(AiProviderKeyList, "The keys") },
});

export const saveKey = protectedRoute({
	method: "put",
	path: "/api/v1/assistant/provider-keys/{kind}",
	tags,
	summary:
		"Connect (or replace) the agency's key for OpenAI, Anthropic or an OpenAI-compatible endpoint; saved sealed, only after a check call passes",
	permission: "tenant:manage",
	request: { params: AiKeyKindParam, body: jsonBody(SaveAiProviderKeyBody) },
	responses: {
		200: jsonContent(AiProviderKeyView, "The key as saved (never the key itself)"),
		...BODY_ERRORS,
		422: problemContent("A field is invalid, or the check call failed: `errors` names the field to fix"),
	},
});

export const checkKey = protectedRoute({
	method: "post",
	path: "/api/v1/assistant/provider-keys/{kind}/check",
	tags,
	summary: "Run the check call again with the stored key and record the outcome",
	permission: "tenant:manage",
	request: { params: AiKeyKindParam },
	responses: { 200: jsonContent(AiProviderKeyView, "The key with its new check"), ...notConnected },
});

export const removeKey = protectedRoute({
	method: "delete",
	path: "/api/v1/assistant/provider-keys/{kind}",
	tags,
	summary: "Remove the agency's key of this kind; replies go back to the deployment's providers",
	permission: "tenant:manage",
	request: { params: AiKeyKindParam },
	responses: { 204: { description: "Removed" }, ...notConnected },
});
