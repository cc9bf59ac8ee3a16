/**
 * Wire shapes of client onboarding: the template an admin designs (ordered steps, questionnaire
 * fields, document slots, agreement text), what a client submits for each step kind, and a run as
 * both sides see it.
 */
import { z } from "zod";
import { ONBOARDING_RUN_STATUSES, ONBOARDING_STEP_KINDS, ONBOARDING_STEP_STATUSES, QUESTION_FIELD_TYPES } from "../onboarding";
import { CLIENT_STATUSES } from "../portal";

const Text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const OptionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default("");
/** A short, stable key (step, field and slot ids): lower-case letters, digits, - and _. */
export const StepKey = z
	.string()
	.regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "must be 1–40 lower-case letters, digits, - or _, starting with a letter or digit");

/* ── template ─────────────────────────────────────────────────────────── */

export const QuestionField = z
	.strictObject({
		id: StepKey,
		label: Text(200),
		type: z.enum(QUESTION_FIELD_TYPES),
		required: z.boolean().default(false),
		help: OptionalText(500),
		/** The choices of a single or multi choice field. */
		options: z.array(Text(200)).max(30, "must have at most 30 choices").default([]),
	})
	.meta({ id: "OnboardingQuestionField" });

export const DocumentSlot = z
	.strictObject({ id: StepKey, name: Text(200), description: OptionalText(500), required: z.boolean().default(true) })
	.meta({ id: "OnboardingDocumentSlot" });

const StepBase = { id: StepKey, title: Text(120), description: OptionalText(1000), required: z.boolean().default(true) };

export const TemplateStep = z
	.discriminatedUnion("kind", [
		z.strictObject({ ...StepBase, kind: z.literal("profile") }),
		z.strictObject({
			...StepBase,
			kind: z.literal("questionnaire"),
			fields: z.array(QuestionField).min(1, "needs at least one field").max(50, "must have at most 50 fields"),
		}),
		z.strictObject({
			...StepBase,
			kind: z.literal("documents"),
			documents: z.array(DocumentSlot).min(1, "needs at least one document").max(20, "must have at most 20 documents"),
		}),
		z.strictObject({ ...StepBase, kind: z.literal("kickoff_booking") }),
		z.strictObject({ ...StepBase, kind: z.literal("agreement"), agreementText: Text(50_000) }),
	])
	.meta({ id: "OnboardingTemplateStep" });
export type TemplateStepT = z.infer<typeof TemplateStep>;

export const TemplateBody = z
	.strictObject({
		steps: z.array(TemplateStep).min(1, "needs at least one step").max(20, "must have at most 20 steps"),
	})
	.meta({ id: "OnboardingTemplateBody" });

export const TemplateDto = z
	.object({
		steps: z.array(TemplateStep),
		/** False while the agency still uses the built-in default. */
		customised: z.boolean(),
		updatedAt: z.number().nullable(),
	})
	.meta({ id: "OnboardingTemplate" });

/* ── what a client submits ───────────────────────────────────────────── */

export const ProfileAnswer = z.strictObject({
	companyName: Text(200),
	website: OptionalText(2000),
	phone: OptionalText(50),
	address: OptionalText(1000),
	billingEmail: z.union([z.literal(""), z.email("must be an email address").max(320)]).default(""),
	taxId: OptionalText(100),
});

/** Each field's answer: text, a choice, several choices, a YYYY-MM-DD date or the id of an uploaded document. */
export const AnswerValue = z.union([z.string().max(5000, "must be at most 5000 characters"), z.array(z.string().max(200)).max(30)]);

/** Signatures are a typed name, or a drawing as SVG path data (what the canvas recorded). */
export const SignatureInput = z.discriminatedUnion("method", [
	z.strictObject({ method: z.literal("typed"), name: Text(200) }),
	z.strictObject({
		method: z.literal("drawn"),
		name: Text(200),
		svgPath: z
			.string()
			.min(3, "is required")
			.max(100_000, "is too long")
			.regex(/^[MLml][0-9MLml .,-]*$/, "must be SVG path data made of M and L commands"),
	}),
]);

export const StepSubmitBody = z
	.strictObject({
		profile: ProfileAnswer.optional(),
		answers: z.record(z.string(), AnswerValue).optional(),
		/** Documents step: slot id → the id of the uploaded document (merged with slots filled earlier). */
		documents: z.record(z.string(), z.uuid("must be a document id")).optional(),
		signature: SignatureInput.optional(),
		/** Agreement: hex SHA-256 of the text the signer was shown; must match the text on record. */
		textSha256: z
			.string()
			.regex(/^[0-9a-f]{64}$/, "must be a hex SHA-256")
			.optional(),
	})
	.meta({ id: "OnboardingStepSubmit" });

export const StaffCompleteBody = z.strictObject({ note: OptionalText(500) }).meta({ id: "OnboardingStaffComplete" });

/* ── a run ────────────────────────────────────────────────────────────── */

export const SignatureDto = z
	.object({
		id: z.string(),
		stepId: z.string(),
		method: z.enum(["typed", "drawn"]),
		signerName: z.string(),
		signerUserId: z.string().nullable(),
		svgPath: z.string().nullable(),
		signedText: z.string(),
		textSha256: z.string(),
		signedAt: z.number(),
		ip: z.string().nullable(),
		userAgent: z.string().nullable(),
	})
	.meta({ id: "OnboardingSignature" });

export const RunStepDto = z
	.object({
		id: z.string(),
		kind: z.enum(ONBOARDING_STEP_KINDS),
		title: z.string(),
		description: z.string(),
		required: z.boolean(),
		status: z.enum(ONBOARDING_STEP_STATUSES),
		completedAt: z.number().nullable(),
		completedBy: z.string().nullable(),
		/** The step as designed when the run started (fields, document slots, agreement text). */
		config: TemplateStep,
		/** What was submitted: profile, answers, documents or a booking reference. */
		data: z.record(z.string(), z.unknown()),
		signature: SignatureDto.nullable(),
	})
	.meta({ id: "OnboardingRunStep" });

export const RunDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		clientName: z.string(),
		clientStatus: z.enum(CLIENT_STATUSES),
		status: z.enum(ONBOARDING_RUN_STATUSES),
		startedAt: z.number(),
		completedAt: z.number().nullable(),
		/** The client's documents folder that onboarding uploads go into. */
		folderId: z.string(),
		progress: z.object({ done: z.number(), required: z.number(), requiredDone: z.number(), total: z.number() }),
		steps: z.array(RunStepDto),
	})
	.meta({ id: "OnboardingRun" });

export const MyRunDto = z.object({ run: RunDto.nullable() }).meta({ id: "MyOnboardingRun" });

export const RunSummaryDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		clientName: z.string(),
		status: z.enum(ONBOARDING_RUN_STATUSES),
		startedAt: z.number(),
		completedAt: z.number().nullable(),
		progress: z.object({ done: z.number(), required: z.number(), requiredDone: z.number(), total: z.number() }),
		nextStep: z.string().nullable(),
	})
	.meta({ id: "OnboardingRunSummary" });

export const RunListDto = z.object({ runs: z.array(RunSummaryDto) }).meta({ id: "OnboardingRunList" });
