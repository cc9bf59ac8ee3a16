/** Route declarations of satisfaction surveys: a client person's surveys and answer, the agency's results. */
import { createRoute } from "@hono/zod-openapi";
import { IdParams } from "../../../schema/dto/ids";
import { AnswerSurveyBody, SurveyDto, SurveyList, SurveyResults, SurveyResultsQuery } from "../../../schema/dto/support";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Surveys"];
const signedIn = { 401: problemContent("Not signed in"), 403: problemContent("Your role cannot do this") };

export const mine = createRoute({
	method: "get",
	path: "/api/v1/surveys",
	tags,
	summary: "The signed-in client person's surveys: unanswered first, then answered",
	middleware: [requirePermission("surveys:respond")] as const,
	responses: { 200: jsonContent(SurveyList, "The surveys"), ...signedIn },
});

export const answer = createRoute({
	method: "post",
	path: "/api/v1/surveys/{id}/response",
	tags,
	summary: "Answer a survey once: a score (CSAT 1–5, NPS 0–10) and an optional comment",
	middleware: [requirePermission("surveys:respond")] as const,
	request: { params: IdParams, body: jsonBody(AnswerSurveyBody) },
	responses: { 200: jsonContent(SurveyDto, "The answered survey"), ...WRITE_ERRORS, ...signedIn, 409: problemContent("Already answered") },
});

export const results = createRoute({
	method: "get",
	path: "/api/v1/surveys/results",
	tags,
	summary:
		"CSAT (% satisfied, average) and NPS (% promoters − % detractors) with counts, for the agency and per client, answers in [from, to)",
	middleware: [requirePermission("surveys:read")] as const,
	request: { query: SurveyResultsQuery },
	responses: { 200: jsonContent(SurveyResults, "The results"), ...signedIn, 422: problemContent("A filter is invalid") },
});
