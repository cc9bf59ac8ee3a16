/** Route declarations of prompt templates and the agency's assistant settings (moderation, content logging). */
import { createRoute, z } from "@hono/zod-openapi";
import { AssistantSettingsView, PromptTemplateView } from "../../../schema/assistant";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Assistant"];
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot do this (shared templates and settings need tenant:manage)"),
	404: problemContent("No such template"),
	422: problemContent("A field is invalid; `errors` names each one"),
};
const params = z.object({ id: z.string().min(1).max(64) });
const title = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");
const body = z.string().trim().min(1, "must not be empty").max(8000, "must be at most 8000 characters");

export const listTemplates = createRoute({
	method: "get",
	path: "/api/v1/assistant/templates",
	tags,
	summary: "Prompt templates: the agency's shared ones and your own",
	middleware: [requirePermission("assistant:use")] as const,
	responses: { 200: jsonContent(z.object({ templates: z.array(PromptTemplateView) }), "Templates"), ...errors },
});

export const createTemplate = createRoute({
	method: "post",
	path: "/api/v1/assistant/templates",
	tags,
	summary: "Create a template; `shared: true` (needs tenant:manage) shows it to the whole agency",
	middleware: [requirePermission("assistant:use")] as const,
	request: { body: jsonBody(z.strictObject({ title, body, shared: z.boolean().default(false) })) },
	responses: { 201: jsonContent(PromptTemplateView, "The template"), ...errors, ...WRITE_ERRORS },
});

export const updateTemplate = createRoute({
	method: "patch",
	path: "/api/v1/assistant/templates/{id}",
	tags,
	summary: "Change a template (your own, or a shared one with tenant:manage)",
	middleware: [requirePermission("assistant:use")] as const,
	request: { params, body: jsonBody(z.strictObject({ title: title.optional(), body: body.optional() })) },
	responses: { 200: jsonContent(PromptTemplateView, "The template"), ...errors, ...WRITE_ERRORS },
});

export const deleteTemplate = createRoute({
	method: "delete",
	path: "/api/v1/assistant/templates/{id}",
	tags,
	summary: "Delete a template (your own, or a shared one with tenant:manage)",
	middleware: [requirePermission("assistant:use")] as const,
	request: { params },
	responses: { 204: { description: "Deleted" }, ...errors, ...WRITE_ERRORS },
});

export const getSettings = createRoute({
	method: "get",
	path: "/api/v1/assistant/settings",
	tags,
	summary: "The agency's assistant safety settings",
	middleware: [requirePermission("tenant:manage")] as const,
	responses: { 200: jsonContent(AssistantSettingsView, "Settings"), ...errors },
});

export const putSettings = createRoute({
	method: "put",
	path: "/api/v1/assistant/settings",
	tags,
	summary: "Switch moderation on or off, set blocked terms, opt in to logging prompts and replies",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(AssistantSettingsView.strict()) },
	responses: { 200: jsonContent(AssistantSettingsView, "Settings"), ...errors, ...WRITE_ERRORS },
});
