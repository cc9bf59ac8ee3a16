/**
 * Undoing a step another feature completed: when the thing a step points at goes away (a kickoff
 * booking is cancelled), the step it completed is open again — but only while the run is still in
 * progress. A finished run stays finished (its client was activated and the agency told); the
 * cancellation is visible in bookings, and staff can mark a kickoff held outside the app.
 */
import { eq } from "drizzle-orm";
import { onboardingStepStates } from "../../../schema/index";
import type { OnboardingStepKind } from "../../../schema/onboarding";
import type { TenantScope } from "../../lib/db";
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";
import { findRun, stepStatesOf, stepsOf } from "./runs";

/** Reopens the client's step of `kind` completed with `ref` (true), or does nothing (false). Safe to repeat. */
export async function reopenOnboardingStepOfRef(
	scope: TenantScope,
	clientId: string,
	kind: OnboardingStepKind,
	ref: string,
	actor: AuditActor = SYSTEM_ACTOR,
	now = Date.now(),
): Promise<boolean> {
	const run = await findRun(scope, clientId);
	if (run?.status !== "in_progress") return false;
	const kindIds = new Set(
		stepsOf(run)
			.filter((s) => s.kind === kind)
			.map((s) => s.id),
	);
	const states = await stepStatesOf(scope, run.id);
	const state = states.find(
		(st) => kindIds.has(st.stepId) && st.status === "done" && (JSON.parse(st.data) as { ref?: string }).ref === ref,
	);
	if (!state) return false;
	await scope.update(
		onboardingStepStates,
		{ status: "pending", data: "{}", completedAt: null, completedBy: null, updatedAt: now },
		eq(onboardingStepStates.id, state.id),
	);
	await recordAudit(
		scope,
		{
			action: "onboarding.step_reopened",
			actor,
			target: { type: "client", id: clientId },
			detail: { runId: run.id, stepId: state.stepId, ref },
			ip: null,
			userAgent: null,
		},
		now,
	);
	return true;
}
