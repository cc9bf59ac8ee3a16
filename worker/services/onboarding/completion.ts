/**
 * Marking steps done and finishing a run. When every required step is done the run completes once
 * (a conditional update, so concurrent submits finish it once): a client still pending setup
 * becomes active (audited) and the agency's people are notified.
 */
import { and, eq, inArray } from "drizzle-orm";
import { clients, memberships, type OnboardingRunRow, onboardingRuns, onboardingStepStates } from "../../../schema/index";
import type { Job } from "../../../schema/jobs";
import type { TenantScope } from "../../lib/db";
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";
import { notify } from "../notifications/notify";
import type { RequestOrigin } from "../sessions/sessions";
import { progressOf, stepStatesOf, stepsOf } from "./runs";

/** What completing a step may need beyond the database: who acted, from where, and the jobs queue (pushes). */
export type OnboardingEffects = {
	actor?: AuditActor;
	origin?: RequestOrigin;
	enqueue?: (job: Job) => Promise<void>;
	now?: number;
};

const NO_ORIGIN: RequestOrigin = { ip: null, userAgent: null };

/** Saves a step's data and marks it done (done again keeps the first completion time); then finishes the run if it can. */
export async function completeStep(
	scope: TenantScope,
	run: OnboardingRunRow,
	stepId: string,
	data: Record<string, unknown>,
	effects: OnboardingEffects = {},
): Promise<void> {
	const now = effects.now ?? Date.now();
	const actor = effects.actor ?? SYSTEM_ACTOR;
	const states = await stepStatesOf(scope, run.id);
	const state = states.find((s) => s.stepId === stepId);
	const firstTime = state?.status !== "done";
	await scope.update(
		onboardingStepStates,
		{
			data: JSON.stringify(data),
			status: "done",
			updatedAt: now,
			...(firstTime ? { completedAt: now, completedBy: actor.label } : {}),
		},
		eq(onboardingStepStates.runId, run.id),
		eq(onboardingStepStates.stepId, stepId),
	);
	if (firstTime) {
		await recordAudit(
			scope,
			{
				action: "onboarding.step_completed",
				actor,
				target: { type: "client", id: run.clientId },
				detail: { runId: run.id, stepId },
				...(effects.origin ?? NO_ORIGIN),
			},
			now,
		);
	}
	await finishIfComplete(scope, run, effects);
}

/** Saves data of a step that is not done yet (e.g. some of a documents step's slots). */
export async function saveStepData(scope: TenantScope, runId: string, stepId: string, data: Record<string, unknown>, now = Date.now()) {
	await scope.update(
		onboardingStepStates,
		{ data: JSON.stringify(data), updatedAt: now },
		eq(onboardingStepStates.runId, runId),
		eq(onboardingStepStates.stepId, stepId),
	);
}

async function finishIfComplete(scope: TenantScope, run: OnboardingRunRow, effects: OnboardingEffects): Promise<void> {
	const now = effects.now ?? Date.now();
	const steps = stepsOf(run);
	const progress = progressOf(steps, await stepStatesOf(scope, run.id));
	if (progress.requiredDone < progress.required) return;
	const finished = await scope
		.update(
			onboardingRuns,
			{ status: "completed", completedAt: now, updatedAt: now },
			eq(onboardingRuns.id, run.id),
			eq(onboardingRuns.status, "in_progress"),
		)
		.returning({ id: onboardingRuns.id });
	if (finished.length === 0) return;
	const actor = effects.actor ?? SYSTEM_ACTOR;
	const origin = effects.origin ?? NO_ORIGIN;
	await recordAudit(
		scope,
		{ action: "onboarding.completed", actor, target: { type: "client", id: run.clientId }, detail: { runId: run.id }, ...origin },
		now,
	);
	const activated = await scope
		.update(clients, { status: "active", updatedAt: now }, eq(clients.id, run.clientId), eq(clients.status, "pending_setup"))
		.returning({ name: clients.name, ownerUserId: clients.ownerUserId });
	if (activated[0]) {
		await recordAudit(
			scope,
			{
				action: "client.activated",
				actor,
				target: { type: "client", id: run.clientId },
				detail: { from: "pending_setup", to: "active", reason: "onboarding_completed" },
				...origin,
			},
			now,
		);
	}
	const [client] = await scope.db
		.select()
		.from(clients)
		.where(scope.where(clients, eq(clients.id, run.clientId)))
		.limit(1);
	await notify(
		scope,
		effects.enqueue ?? (async () => {}),
		await staffToNotify(scope, client?.ownerUserId ?? null),
		{
			event: "onboarding_completed",
			title: `${client?.name ?? "A client"} finished onboarding`,
			body: activated[0] ? "Every required step is done and the client is now active." : "Every required step is done.",
			url: `/clients/${run.clientId}`,
			dedupeKey: `onboarding-completed:${run.id}`,
		},
		now,
	);
}

/** The client's owner (account manager) and the agency's owners and admins. */
async function staffToNotify(scope: TenantScope, ownerUserId: string | null): Promise<string[]> {
	const leaders = await scope.db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(scope.where(memberships, and(inArray(memberships.role, ["owner", "admin"]))));
	return [...(ownerUserId ? [ownerUserId] : []), ...leaders.map((m) => m.userId)];
}
