/**
 * Client onboarding vocabulary: the step kinds an agency's onboarding template is made of, the
 * questionnaire field types, and the reminder schedule. Tables, DTOs, services and the PWA read these.
 */
export const ONBOARDING_STEP_KINDS = ["profile", "questionnaire", "documents", "kickoff_booking", "agreement"] as const;
export type OnboardingStepKind = (typeof ONBOARDING_STEP_KINDS)[number];

export const QUESTION_FIELD_TYPES = ["short_text", "long_text", "single_choice", "multi_choice", "date", "file"] as const;
export type QuestionFieldType = (typeof QUESTION_FIELD_TYPES)[number];

export const ONBOARDING_RUN_STATUSES = ["in_progress", "completed"] as const;
export type OnboardingRunStatus = (typeof ONBOARDING_RUN_STATUSES)[number];

export const ONBOARDING_STEP_STATUSES = ["pending", "done"] as const;
export type OnboardingStepStatus = (typeof ONBOARDING_STEP_STATUSES)[number];

/** The folder of a client's documents that onboarding uploads land in. */
export const ONBOARDING_FOLDER_NAME = "Onboarding";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders about incomplete steps: the first this long after the run started, then every interval, at most MAX. */
export const ONBOARDING_REMINDER_FIRST_AFTER_MS = 2 * DAY_MS;
export const ONBOARDING_REMINDER_INTERVAL_MS = 3 * DAY_MS;
export const ONBOARDING_REMINDER_MAX = 3;

/** Which reminder (1…MAX) is due `elapsedMs` after the run started, or 0 when none is yet. */
export function reminderNumberDue(elapsedMs: number): number {
	if (elapsedMs < ONBOARDING_REMINDER_FIRST_AFTER_MS) return 0;
	const n = 1 + Math.floor((elapsedMs - ONBOARDING_REMINDER_FIRST_AFTER_MS) / ONBOARDING_REMINDER_INTERVAL_MS);
	return Math.min(n, ONBOARDING_REMINDER_MAX);
}
