/** Satisfaction surveys in the app: a client person's surveys and answers, and the agency's CSAT/NPS results. */
import { signal } from "@preact/signals";
import type { z } from "zod";
import type { SurveyDto, SurveyResults } from "../../../schema/dto/support";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";

export type Survey = z.infer<typeof SurveyDto>;
export type Results = z.infer<typeof SurveyResults>;

export const mySurveys = signal<Survey[] | null>(null);
export const results = signal<Results | null>(null);
export const surveysProblem = signal<ProblemView | null>(null);

export async function loadMySurveys(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.surveys.$get());
	surveysProblem.value = result.ok ? null : result.problem;
	if (result.ok) mySurveys.value = result.value.surveys;
}

export async function answerSurvey(id: string, score: number, comment: string) {
	const result = await fetchJson(() =>
		api.api.v1.surveys[":id"].response.$post({ param: { id }, json: { score, ...(comment ? { comment } : {}) } }),
	);
	if (result.ok) await loadMySurveys();
	return result;
}

/** Results for answers given from `from` up to (not including) `to`, both optional epoch ms. */
export async function loadResults(from?: number, to?: number): Promise<void> {
	const query = { ...(from !== undefined ? { from: String(from) } : {}), ...(to !== undefined ? { to: String(to) } : {}) };
	const result = await fetchJson(() => api.api.v1.surveys.results.$get({ query }));
	surveysProblem.value = result.ok ? null : result.problem;
	if (result.ok) results.value = result.value;
}
