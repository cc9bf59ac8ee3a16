/**
 * Onboarding runs: one per client, started from a snapshot of the agency's template (so later
 * template edits never change a run in progress), read as both sides see it, and listed for staff.
 */
import { asc, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { RunDto, RunSummaryDto, TemplateStepT } from "../../../schema/dto/onboarding";
import {
	type Client,
	clients,
	type OnboardingRunRow,
	type OnboardingSignatureRow,
	type OnboardingStepStateRow,
	onboardingRuns,
	onboardingSignatures,
	onboardingStepStates,
} from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { ensureOnboardingFolder } from "./folder";
import { getTemplate } from "./template";

export type Run = z.infer<typeof RunDto>;

export function stepsOf(run: OnboardingRunRow): TemplateStepT[] {
	return JSON.parse(run.steps) as TemplateStepT[];
}

export async function findRun(scope: TenantScope, clientId: string): Promise<OnboardingRunRow | null> {
	const [row] = await scope.db
		.select()
		.from(onboardingRuns)
		.where(scope.where(onboardingRuns, eq(onboardingRuns.clientId, clientId)))
		.limit(1);
	return row ?? null;
}

/** The client's run, or 404 (callers have checked the client is visible). */
export async function requireRun(scope: TenantScope, clientId: string): Promise<OnboardingRunRow> {
	const run = await findRun(scope, clientId);
	if (!run) throw problems.notFound("This client has no onboarding yet.");
	return run;
}

/** Starts the client's run from the template as it is now; an existing run is returned unchanged. */
export async function startRun(
	scope: TenantScope,
	clientId: string,
	startedBy: string | null,
	now = Date.now(),
): Promise<{ run: OnboardingRunRow; created: boolean }> {
	const existing = await findRun(scope, clientId);
	if (existing) return { run: existing, created: false };
	const template = await getTemplate(scope);
	const id = newId(now);
	await scope.db
		.insert(onboardingRuns)
		.values({
			id,
			tenantId: scope.tenantId,
			clientId,
			steps: JSON.stringify(template.steps),
			startedBy,
			startedAt: now,
			updatedAt: now,
		})
		.onConflictDoNothing();
	const run = await requireRun(scope, clientId);
	if (run.id === id) {
		await scope.db.insert(onboardingStepStates).values(
			template.steps.map((step) => ({
				id: newId(now),
				tenantId: scope.tenantId,
				runId: id,
				stepId: step.id,
				updatedAt: now,
			})),
		);
		await ensureOnboardingFolder(scope, clientId, now);
	}
	return { run, created: run.id === id };
}

export async function stepStatesOf(scope: TenantScope, runId: string): Promise<OnboardingStepStateRow[]> {
	return scope.db
		.select()
		.from(onboardingStepStates)
		.where(scope.where(onboardingStepStates, eq(onboardingStepStates.runId, runId)));
}

export type Progress = { done: number; required: number; requiredDone: number; total: number };

export function progressOf(steps: TemplateStepT[], states: OnboardingStepStateRow[]): Progress {
	const done = new Set(states.filter((s) => s.status === "done").map((s) => s.stepId));
	const required = steps.filter((s) => s.required);
	return {
		done: steps.filter((s) => done.has(s.id)).length,
		required: required.length,
		requiredDone: required.filter((s) => done.has(s.id)).length,
		total: steps.length,
	};
}

export function toSignatureDto(row: OnboardingSignatureRow) {
	return {
		id: row.id,
		stepId: row.stepId,
		method: row.method,
		signerName: row.signerName,
		signerUserId: row.signerUserId,
		svgPath: row.svgPath,
		signedText: row.signedText,
		textSha256: row.textSha256,
		signedAt: row.signedAt,
		ip: row.ip,
		userAgent: row.userAgent,
	};
}

/** The run as both sides see it: every step of the snapshot with its state, and any signature. */
export async function runView(scope: TenantScope, client: Client, run: OnboardingRunRow): Promise<Run> {
	const steps = stepsOf(run);
	const states = await stepStatesOf(scope, run.id);
	const signatures = await scope.db
		.select()
		.from(onboardingSignatures)
		.where(scope.where(onboardingSignatures, eq(onboardingSignatures.runId, run.id)));
	const folderId = await ensureOnboardingFolder(scope, client.id);
	return {
		id: run.id,
		clientId: client.id,
		clientName: client.name,
		clientStatus: client.status,
		status: run.status,
		startedAt: run.startedAt,
		completedAt: run.completedAt,
		folderId,
		progress: progressOf(steps, states),
		steps: steps.map((step) => {
			const state = states.find((s) => s.stepId === step.id);
			const signature = signatures.find((s) => s.stepId === step.id);
			return {
				id: step.id,
				kind: step.kind,
				title: step.title,
				description: step.description,
				required: step.required,
				status: state?.status ?? "pending",
				completedAt: state?.completedAt ?? null,
				completedBy: state?.completedBy ?? null,
				config: step,
				data: state ? (JSON.parse(state.data) as Record<string, unknown>) : {},
				signature: signature ? toSignatureDto(signature) : null,
			};
		}),
	};
}

/** Every run of the agency, newest first, with progress and the next step waiting. */
export async function listRuns(scope: TenantScope): Promise<z.infer<typeof RunSummaryDto>[]> {
	const rows = await scope.db
		.select({ run: onboardingRuns, clientName: clients.name })
		.from(onboardingRuns)
		.innerJoin(clients, eq(clients.id, onboardingRuns.clientId))
		.where(scope.where(onboardingRuns, eq(clients.tenantId, scope.tenantId), isNull(clients.deletedAt)))
		.orderBy(asc(onboardingRuns.status), desc(onboardingRuns.startedAt))
		.limit(500);
	const states = await scope.db.select().from(onboardingStepStates).where(scope.where(onboardingStepStates));
	return rows.map(({ run, clientName }) => {
		const steps = stepsOf(run);
		const mine = states.filter((s) => s.runId === run.id);
		const done = new Set(mine.filter((s) => s.status === "done").map((s) => s.stepId));
		return {
			id: run.id,
			clientId: run.clientId,
			clientName,
			status: run.status,
			startedAt: run.startedAt,
			completedAt: run.completedAt,
			progress: progressOf(steps, mine),
			nextStep: steps.find((s) => !done.has(s.id))?.title ?? null,
		};
	});
}
