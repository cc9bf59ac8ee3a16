/**
 * Submitting a step of a run. The body's part must fit the step's kind (profile, answers,
 * documents, signature); a re-submit replaces the step's data rather than adding to it, so retries
 * never duplicate. Kickoff bookings complete through the booking flow (`completeOnboardingStepOfKind`)
 * or by staff.
 */
import type { z } from "zod";
import type { StepSubmitBody, TemplateStepT } from "../../../schema/dto/onboarding";
import type { OnboardingRunRow } from "../../../schema/index";
import type { OnboardingStepKind } from "../../../schema/onboarding";
import type { TenantScope } from "../../lib/db";
import { type FieldError, Problem, problems } from "../../lib/problem";
import { recordAudit, SYSTEM_ACTOR } from "../audit/audit-log";
import { signAgreement } from "./agreement";
import { checkAnswers, checkDocumentSlots } from "./answers";
import { completeStep, type OnboardingEffects, saveStepData } from "./completion";
import { findRun, stepStatesOf, stepsOf } from "./runs";

type Body = z.infer<typeof StepSubmitBody>;

/** Who submits: a person of the client (`isClientPerson`) or the agency's staff. */
export type Submitter = { userId: string; isClientPerson: boolean };

const PART_OF: Record<OnboardingStepKind, keyof Body | null> = {
	profile: "profile",
	questionnaire: "answers",
	documents: "documents",
	agreement: "signature",
	kickoff_booking: null,
};

function stepOrNotFound(run: OnboardingRunRow, stepId: string): TemplateStepT {
	const step = stepsOf(run).find((s) => s.id === stepId);
	if (!step) throw problems.notFound("This onboarding has no step with this id.");
	return step;
}

/** 422 for parts of the body another kind of step uses, or a missing part this kind needs. */
function assertBodyFits(step: TemplateStepT, body: Body): void {
	const wanted = PART_OF[step.kind];
	const errors: FieldError[] = [];
	for (const key of Object.keys(body) as (keyof Body)[]) {
		if (key === wanted || (key === "textSha256" && step.kind === "agreement")) continue;
		errors.push({ path: key, message: `is not used by a ${step.kind.replace("_", " ")} step` });
	}
	if (wanted && body[wanted] === undefined) errors.push({ path: wanted, message: "is required" });
	if (step.kind === "agreement" && body.textSha256 === undefined) errors.push({ path: "textSha256", message: "is required" });
	if (step.kind === "kickoff_booking") {
		errors.push({ path: "body", message: "a kickoff is completed by booking it (see /bookings) or by your agency" });
	}
	if (errors.length > 0) throw problems.validation(errors);
}

export async function submitStep(
	scope: TenantScope,
	run: OnboardingRunRow,
	stepId: string,
	body: Body,
	submitter: Submitter,
	effects: OnboardingEffects,
): Promise<void> {
	const step = stepOrNotFound(run, stepId);
	assertBodyFits(step, body);
	const now = effects.now ?? Date.now();
	switch (step.kind) {
		case "profile":
			return completeStep(scope, run, step.id, { profile: body.profile }, effects);
		case "questionnaire": {
			const answers = await checkAnswers(scope, run.clientId, step.fields, body.answers ?? {});
			return completeStep(scope, run, step.id, { answers }, effects);
		}
		case "documents": {
			const state = (await stepStatesOf(scope, run.id)).find((s) => s.stepId === step.id);
			const earlier = ((state ? JSON.parse(state.data) : {}) as { documents?: Record<string, string> }).documents ?? {};
			const merged = await checkDocumentSlots(scope, run.clientId, step.documents, earlier, body.documents ?? {});
			const complete = step.documents.every((slot) => !slot.required || merged[slot.id]);
			if (complete) return completeStep(scope, run, step.id, { documents: merged }, effects);
			return saveStepData(scope, run.id, step.id, { documents: merged }, now);
		}
		case "agreement": {
			if (!submitter.isClientPerson) {
				throw problems.forbidden("Only a person of this client can sign its agreement.");
			}
			const signature = body.signature;
			if (!signature || !body.textSha256) throw problems.validation([{ path: "signature", message: "is required" }]);
			const signed = await signAgreement(
				scope,
				run,
				step.id,
				step.agreementText,
				{ signature, textSha256: body.textSha256 },
				{ userId: submitter.userId, origin: effects.origin ?? { ip: null, userAgent: null } },
				now,
			);
			if (signed.created) {
				await recordAudit(
					scope,
					{
						action: "onboarding.agreement_signed",
						actor: effects.actor ?? SYSTEM_ACTOR,
						target: { type: "client", id: run.clientId },
						detail: { runId: run.id, stepId: step.id, signatureId: signed.signature.id, textSha256: signed.signature.textSha256 },
						...(effects.origin ?? { ip: null, userAgent: null }),
					},
					now,
				);
			}
			return completeStep(scope, run, step.id, { signatureId: signed.signature.id }, effects);
		}
		case "kickoff_booking":
			return;
	}
}

/** Staff mark a kickoff held or booked outside the app (only kickoff steps: the client's own steps are theirs to fill). */
export async function staffCompleteStep(
	scope: TenantScope,
	run: OnboardingRunRow,
	stepId: string,
	note: string,
	effects: OnboardingEffects,
): Promise<void> {
	const step = stepOrNotFound(run, stepId);
	if (step.kind !== "kickoff_booking") {
		throw new Problem(409, "not-staff-completable", "The client completes this step", "Only a kickoff step can be marked done by staff.", {
			errors: [{ path: "stepId", message: "is not a kickoff booking step" }],
		});
	}
	await completeStep(scope, run, step.id, { note, markedBy: "staff" }, effects);
}

/**
 * For other features (the booking flow): completes the first step of `kind` still pending in the
 * client's onboarding (true), or does nothing when there is none (false). Safe to call again with the
 * same `ref`. Pass `effects.enqueue` so completion can push to devices; `effects.actor` for the audit log.
 */
export async function completeOnboardingStepOfKind(
	scope: TenantScope,
	clientId: string,
	kind: OnboardingStepKind,
	ref: string,
	effects: OnboardingEffects = {},
): Promise<boolean> {
	const run = await findRun(scope, clientId);
	if (!run) return false;
	const states = await stepStatesOf(scope, run.id);
	const steps = stepsOf(run).filter((s) => s.kind === kind);
	const already = steps.find((s) => {
		const state = states.find((st) => st.stepId === s.id);
		return state?.status === "done" && (JSON.parse(state.data) as { ref?: string }).ref === ref;
	});
	if (already) return true;
	const pending = steps.find((s) => states.find((st) => st.stepId === s.id)?.status !== "done");
	if (!pending) return false;
	await completeStep(scope, run, pending.id, { ref }, effects);
	return true;
}
