/** Route declarations of client onboarding: the agency's template, each client's run, step submits and signed agreements. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	MyRunDto,
	RunDto,
	RunListDto,
	StaffCompleteBody,
	StepKey,
	StepSubmitBody,
	TemplateBody,
	TemplateDto,
} from "../../../schema/dto/onboarding";
import { IdParam } from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requireAnyPermission, requirePermission } from "../../middleware/require-permission";

const tags = ["Onboarding"];
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see onboarding"),
	404: problemContent("No such client, run or step (or not one you may see)"),
	422: problemContent("A parameter is invalid"),
};
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	404: problemContent("No such client, run or step"),
	409: problemContent("Conflict (e.g. the agreement is already signed)"),
};
const clientParams = z.strictObject({ id: IdParam });
const stepParams = z.strictObject({ id: IdParam, stepId: StepKey });
const signatureParams = z.strictObject({ id: IdParam, signatureId: IdParam });
/** Staff see every client's run; a client's people see their own. */
const runReaders = requireAnyPermission("onboarding:manage", "clients:own");

export const getTemplate = createRoute({
	method: "get",
	path: "/api/v1/onboarding/template",
	tags,
	summary: "The agency's onboarding template (the built-in default until an admin saves one)",
	middleware: [requirePermission("onboarding:manage")] as const,
	responses: { 200: jsonContent(TemplateDto, "The template"), ...readErrors },
});

export const saveTemplate = createRoute({
	method: "put",
	path: "/api/v1/onboarding/template",
	tags,
	summary: "Design the onboarding template (runs already started keep their snapshot)",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(TemplateBody) },
	responses: { 200: jsonContent(TemplateDto, "The template as saved"), ...writeErrors, 401: problemContent("Not signed in") },
});

export const listRuns = createRoute({
	method: "get",
	path: "/api/v1/onboarding/runs",
	tags,
	summary: "Every client's onboarding with its progress (open ones first)",
	middleware: [requirePermission("onboarding:manage")] as const,
	responses: { 200: jsonContent(RunListDto, "The runs"), ...readErrors },
});

export const mine = createRoute({
	method: "get",
	path: "/api/v1/onboarding/mine",
	tags,
	summary: "The signed-in client person's onboarding (null when their client has none)",
	middleware: [requirePermission("clients:own")] as const,
	responses: { 200: jsonContent(MyRunDto, "The run, or null"), ...readErrors },
});

export const start = createRoute({
	method: "post",
	path: "/api/v1/clients/{id}/onboarding",
	tags,
	summary: "Start a client's onboarding from the template as it is now (an existing run is returned unchanged)",
	middleware: [requirePermission("onboarding:manage")] as const,
	request: { params: clientParams },
	responses: { 201: jsonContent(RunDto, "The new run"), 200: jsonContent(RunDto, "The run that already existed"), ...writeErrors },
});

export const get = createRoute({
	method: "get",
	path: "/api/v1/clients/{id}/onboarding",
	tags,
	summary: "A client's onboarding: each step as designed when it started, its status, who completed it and when",
	middleware: [runReaders] as const,
	request: { params: clientParams },
	responses: { 200: jsonContent(RunDto, "The run"), ...readErrors },
});

export const submit = createRoute({
	method: "post",
	path: "/api/v1/clients/{id}/onboarding/steps/{stepId}",
	tags,
	summary:
		"Submit a step: `profile`, `answers` (questionnaire), `documents` (slot → document id) or `signature` + `textSha256` (agreement; the client's people only). A re-submit replaces the step's data.",
	middleware: [runReaders] as const,
	request: { params: stepParams, body: jsonBody(StepSubmitBody) },
	responses: { 200: jsonContent(RunDto, "The run after the submit"), ...writeErrors },
});

export const staffComplete = createRoute({
	method: "post",
	path: "/api/v1/clients/{id}/onboarding/steps/{stepId}/complete",
	tags,
	summary: "Mark a kickoff booking step done (booked or held outside the app)",
	middleware: [requirePermission("onboarding:manage")] as const,
	request: { params: stepParams, body: jsonBody(StaffCompleteBody) },
	responses: { 200: jsonContent(RunDto, "The run after the change"), ...writeErrors },
});

export const downloadSignature = createRoute({
	method: "get",
	path: "/api/v1/clients/{id}/onboarding/signatures/{signatureId}",
	tags,
	summary: "A signed agreement as a standalone HTML page: the exact text, signature, time, IP, device and SHA-256",
	middleware: [runReaders] as const,
	request: { params: signatureParams },
	responses: { 200: { content: { "text/html": { schema: z.string() } }, description: "The signed record" }, ...readErrors },
});
