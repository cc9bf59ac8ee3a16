/**
 * The agency's onboarding template: read (the built-in default until an admin saves one) and save
 * after the checks zod cannot make alone (unique ids, choices for choice fields). Runs snapshot it.
 */
import type { z } from "zod";
import type { TemplateBody, TemplateStepT } from "../../../schema/dto/onboarding";
import { onboardingTemplates } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { type FieldError, problems } from "../../lib/problem";
import { DEFAULT_ONBOARDING_STEPS } from "./default-template";

export type OnboardingTemplate = { steps: TemplateStepT[]; customised: boolean; updatedAt: number | null };

export async function getTemplate(scope: TenantScope): Promise<OnboardingTemplate> {
	const [row] = await scope.db.select().from(onboardingTemplates).where(scope.where(onboardingTemplates)).limit(1);
	if (!row) return { steps: DEFAULT_ONBOARDING_STEPS, customised: false, updatedAt: null };
	return { steps: JSON.parse(row.steps) as TemplateStepT[], customised: true, updatedAt: row.updatedAt };
}

/** Everything wrong with a template that its shape allows: each problem names its field. */
export function templateErrors(steps: TemplateStepT[]): FieldError[] {
	const errors: FieldError[] = [];
	const stepIds = new Set<string>();
	steps.forEach((step, i) => {
		if (stepIds.has(step.id)) errors.push({ path: `steps.${i}.id`, message: "is used by another step" });
		stepIds.add(step.id);
		if (step.kind === "questionnaire") {
			const ids = new Set<string>();
			step.fields.forEach((field, j) => {
				const at = `steps.${i}.fields.${j}`;
				if (ids.has(field.id)) errors.push({ path: `${at}.id`, message: "is used by another field of this step" });
				ids.add(field.id);
				const choice = field.type === "single_choice" || field.type === "multi_choice";
				if (choice && field.options.length < 2) errors.push({ path: `${at}.options`, message: "needs at least two choices" });
				if (choice && new Set(field.options).size !== field.options.length) {
					errors.push({ path: `${at}.options`, message: "must not repeat a choice" });
				}
				if (!choice && field.options.length > 0) errors.push({ path: `${at}.options`, message: "are only for choice fields" });
			});
		}
		if (step.kind === "documents") {
			const ids = new Set<string>();
			step.documents.forEach((slot, j) => {
				if (ids.has(slot.id)) errors.push({ path: `steps.${i}.documents.${j}.id`, message: "is used by another document" });
				ids.add(slot.id);
			});
		}
	});
	return errors;
}

export async function saveTemplate(
	scope: TenantScope,
	input: z.infer<typeof TemplateBody>,
	userId: string | null,
	now = Date.now(),
): Promise<OnboardingTemplate> {
	const errors = templateErrors(input.steps);
	if (errors.length > 0) throw problems.validation(errors);
	const steps = JSON.stringify(input.steps);
	await scope.db
		.insert(onboardingTemplates)
		.values({ id: newId(now), tenantId: scope.tenantId, steps, updatedBy: userId, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: [onboardingTemplates.tenantId], set: { steps, updatedBy: userId, updatedAt: now } });
	return getTemplate(scope);
}

/** The template's step with this id (for a run's snapshot lookups). */
export function stepOf(steps: TemplateStepT[], stepId: string): TemplateStepT | undefined {
	return steps.find((s) => s.id === stepId);
}
