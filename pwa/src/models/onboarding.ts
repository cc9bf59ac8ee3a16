/**
 * Client onboarding as signals: the signed-in client's run (wizard and dashboard banner), one
 * client's run for staff, every run for the overview, and the template the designer edits.
 */
import { computed, signal } from "@preact/signals";
import type { z } from "zod";
import type { RunDto, RunSummaryDto, StepSubmitBody, TemplateStepT } from "../../../schema/dto/onboarding";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";

export type RunT = z.infer<typeof RunDto>;
export type RunStepT = RunT["steps"][number];
export type RunSummaryT = z.infer<typeof RunSummaryDto>;
export type StepSubmit = z.input<typeof StepSubmitBody>;

/** The signed-in client person's run (null: none, or not loaded yet while `myRunLoaded` is false). */
export const myRun = signal<RunT | null>(null);
export const myRunLoaded = signal(false);
/** The run open on a staff page (client detail). */
export const staffRun = signal<RunT | null>(null);
export const staffRunMissing = signal(false);
export const runSummaries = signal<RunSummaryT[] | null>(null);
export const onboardingProblem = signal<ProblemView | null>(null);

/** Whether the client still has required steps to do (the banner shows while true). */
export const myRunOpen = computed(() => {
	const run = myRun.value;
	return run !== null && run.progress.requiredDone < run.progress.required;
});

export async function loadMyRun(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.onboarding.mine.$get());
	myRunLoaded.value = true;
	if (result.ok) myRun.value = result.value.run;
	else onboardingProblem.value = result.problem;
}

export async function loadStaffRun(clientId: string): Promise<void> {
	staffRun.value = null;
	staffRunMissing.value = false;
	const result = await fetchJson(() => api.api.v1.clients[":id"].onboarding.$get({ param: { id: clientId } }));
	if (result.ok) staffRun.value = result.value;
	else if (result.problem.status === 404) staffRunMissing.value = true;
	else onboardingProblem.value = result.problem;
}

export async function loadRunSummaries(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.onboarding.runs.$get());
	if (result.ok) runSummaries.value = result.value.runs;
	else onboardingProblem.value = result.problem;
}

export async function startOnboarding(clientId: string): Promise<Result<RunT>> {
	const result = await fetchJson(() => api.api.v1.clients[":id"].onboarding.$post({ param: { id: clientId } }));
	if (result.ok) {
		staffRun.value = result.value;
		staffRunMissing.value = false;
	}
	return result;
}

export async function markKickoffDone(clientId: string, stepId: string): Promise<Result<RunT>> {
	const result = await fetchJson(() =>
		api.api.v1.clients[":id"].onboarding.steps[":stepId"].complete.$post({ param: { id: clientId, stepId }, json: { note: "" } }),
	);
	if (result.ok) staffRun.value = result.value;
	return result;
}

/** Submits one step of the client's own run; the run as saved replaces the one shown. */
export async function submitStep(clientId: string, stepId: string, body: StepSubmit): Promise<Result<RunT>> {
	const result = await fetchJson(() =>
		api.api.v1.clients[":id"].onboarding.steps[":stepId"].$post({ param: { id: clientId, stepId }, json: body }),
	);
	if (result.ok) myRun.value = result.value;
	return result;
}

export function signatureUrl(clientId: string, signatureId: string): string {
	return `/api/v1/clients/${clientId}/onboarding/signatures/${signatureId}`;
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/* ── the designer ─────────────────────────────────────────────────────── */

export const templateSteps = signal<TemplateStepT[] | null>(null);

export async function loadTemplate(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.onboarding.template.$get());
	if (result.ok) templateSteps.value = result.value.steps;
	else onboardingProblem.value = result.problem;
}

export async function saveTemplate(steps: TemplateStepT[]): Promise<Result<{ steps: TemplateStepT[] }>> {
	const result = await fetchJson(() => api.api.v1.onboarding.template.$put({ json: { steps } }));
	if (result.ok) templateSteps.value = result.value.steps;
	return result;
}

export const STEP_KIND_LABELS: Record<TemplateStepT["kind"], string> = {
	profile: "Company profile",
	questionnaire: "Questionnaire",
	documents: "Documents to upload",
	kickoff_booking: "Kickoff booking",
	agreement: "Agreement to sign",
};
