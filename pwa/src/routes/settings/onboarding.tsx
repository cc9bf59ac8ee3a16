/**
 * The onboarding designer (admins): the ordered steps a new client goes through, each step's
 * questionnaire fields, requested documents or agreement text. Runs already started keep the
 * steps they started with; the server checks everything and names any bad field.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { TemplateStepT } from "../../../../schema/dto/onboarding";
import { ONBOARDING_STEP_KINDS, QUESTION_FIELD_TYPES } from "../../../../schema/onboarding";
import { FormAlert } from "../../components/form-kit/form-alert";
import { loadTemplate, STEP_KIND_LABELS, saveTemplate, templateSteps } from "../../models/onboarding";
import { SettingsPage } from "./settings-page";

type Field = Extract<TemplateStepT, { kind: "questionnaire" }>["fields"][number];

const FIELD_TYPE_LABELS: Record<Field["type"], string> = {
	short_text: "Short text",
	long_text: "Long text",
	single_choice: "One choice",
	multi_choice: "Several choices",
	date: "Date",
	file: "File",
};

function keyOf(text: string, taken: string[]): string {
	const base =
		text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, "-")
			.replace(/^-+|-+$/g, "")
			.slice(0, 30) || "step";
	let key = base;
	for (let i = 2; taken.includes(key); i++) key = `${base}-${i}`;
	return key;
}

function newStep(kind: TemplateStepT["kind"], taken: string[]): TemplateStepT {
	const base = { id: keyOf(kind, taken), title: STEP_KIND_LABELS[kind], description: "", required: true };
	switch (kind) {
		case "questionnaire":
			return {
				...base,
				kind,
				fields: [{ id: "question-1", label: "Your question", type: "short_text", required: false, help: "", options: [] }],
			};
		case "documents":
			return { ...base, kind, documents: [{ id: "document-1", name: "A document", description: "", required: true }] };
		case "agreement":
			return { ...base, kind, agreementText: "The terms you agree to." };
		default:
			return { ...base, kind };
	}
}

function StepEditor({
	step,
	index,
	count,
	errors,
	update,
	move,
	remove,
}: {
	step: TemplateStepT;
	index: number;
	count: number;
	errors: Record<string, string>;
	update: (step: TemplateStepT) => void;
	move: (by: number) => void;
	remove: () => void;
}) {
	const at = `steps.${index}`;
	const id = `step-${index}`;
	return (
		<fieldset class="card">
			<legend>
				Step {index + 1}: {STEP_KIND_LABELS[step.kind]}
			</legend>
			<div class="field">
				<label for={`${id}-title`}>Title</label>
				<input id={`${id}-title`} value={step.title} onInput={(e) => update({ ...step, title: e.currentTarget.value })} />
				{errors[`${at}.title`] && <p class="field-error">{errors[`${at}.title`]}</p>}
			</div>
			<div class="field">
				<label for={`${id}-description`}>Description</label>
				<input id={`${id}-description`} value={step.description} onInput={(e) => update({ ...step, description: e.currentTarget.value })} />
			</div>
			<label class="checkbox" for={`${id}-required`}>
				<input
					id={`${id}-required`}
					type="checkbox"
					checked={step.required}
					onChange={(e) => update({ ...step, required: e.currentTarget.checked })}
				/>{" "}
				Required to finish onboarding
			</label>
			{step.kind === "questionnaire" && (
				<div>
					<h3>Questions</h3>
					{step.fields.map((field, j) => {
						const fid = `${id}-field-${j}`;
						const set = (next: Partial<Field>) => update({ ...step, fields: step.fields.map((f, k) => (k === j ? { ...f, ...next } : f)) });
						const fieldErrors = Object.entries(errors).filter(([path]) => path.startsWith(`${at}.fields.${j}.`));
						return (
							<div key={fid} class="designer-row">
								<div class="field">
									<label for={`${fid}-label`}>Question {j + 1}</label>
									<input id={`${fid}-label`} value={field.label} onInput={(e) => set({ label: e.currentTarget.value })} />
								</div>
								<div class="field">
									<label for={`${fid}-type`}>Answer type</label>
									<select id={`${fid}-type`} value={field.type} onChange={(e) => set({ type: e.currentTarget.value as Field["type"] })}>
										{QUESTION_FIELD_TYPES.map((t) => (
											<option key={t} value={t}>
												{FIELD_TYPE_LABELS[t]}
											</option>
										))}
									</select>
								</div>
								{(field.type === "single_choice" || field.type === "multi_choice") && (
									<div class="field">
										<label for={`${fid}-options`}>Choices (one per line)</label>
										<textarea
											id={`${fid}-options`}
											rows={3}
											value={field.options.join("\n")}
											onInput={(e) => set({ options: e.currentTarget.value.split("\n") })}
										/>
									</div>
								)}
								<label class="checkbox" for={`${fid}-required`}>
									<input
										id={`${fid}-required`}
										type="checkbox"
										checked={field.required}
										onChange={(e) => set({ required: e.currentTarget.checked })}
									/>{" "}
									Answer required
								</label>
								<button
									type="button"
									class="button small secondary"
									onClick={() => update({ ...step, fields: step.fields.filter((_, k) => k !== j) })}
								>
									Remove question {j + 1}
								</button>
								{fieldErrors.map(([path, message]) => (
									<p key={path} class="field-error">
										{path.split(".").at(-1)}: {message}
									</p>
								))}
							</div>
						);
					})}
					<button
						type="button"
						class="button small secondary"
						onClick={() =>
							update({
								...step,
								fields: [
									...step.fields,
									{
										id: keyOf(
											"question",
											step.fields.map((f) => f.id),
										),
										label: "New question",
										type: "short_text",
										required: false,
										help: "",
										options: [],
									},
								],
							})
						}
					>
						Add a question
					</button>
				</div>
			)}
			{step.kind === "documents" && (
				<div>
					<h3>Documents to upload</h3>
					{step.documents.map((slot, j) => {
						const sid = `${id}-document-${j}`;
						return (
							<div key={sid} class="field">
								<label for={sid}>Document {j + 1}</label>
								<input
									id={sid}
									value={slot.name}
									onInput={(e) =>
										update({ ...step, documents: step.documents.map((s, k) => (k === j ? { ...s, name: e.currentTarget.value } : s)) })
									}
								/>
							</div>
						);
					})}
					<button
						type="button"
						class="button small secondary"
						onClick={() =>
							update({
								...step,
								documents: [
									...step.documents,
									{
										id: keyOf(
											"document",
											step.documents.map((d) => d.id),
										),
										name: "New document",
										description: "",
										required: true,
									},
								],
							})
						}
					>
						Add a document
					</button>
				</div>
			)}
			{step.kind === "agreement" && (
				<div class="field">
					<label for={`${id}-agreement`}>Agreement text</label>
					<textarea
						id={`${id}-agreement`}
						rows={8}
						value={step.agreementText}
						onInput={(e) => update({ ...step, agreementText: e.currentTarget.value })}
					/>
					<p class="field-hint">Changing it later never changes an agreement already signed.</p>
					{errors[`${at}.agreementText`] && <p class="field-error">{errors[`${at}.agreementText`]}</p>}
				</div>
			)}
			<div class="actions">
				<button type="button" class="button small secondary" disabled={index === 0} onClick={() => move(-1)}>
					Move step {index + 1} up
				</button>
				<button type="button" class="button small secondary" disabled={index === count - 1} onClick={() => move(1)}>
					Move step {index + 1} down
				</button>
				<button type="button" class="button small secondary" onClick={remove}>
					Remove step {index + 1}
				</button>
			</div>
		</fieldset>
	);
}

export default function OnboardingSettings() {
	const steps = useSignal<TemplateStepT[] | null>(null);
	const kind = useSignal<TemplateStepT["kind"]>("questionnaire");
	const errors = useSignal<Record<string, string>>({});
	const failure = useSignal<string | null>(null);
	const status = useSignal("");
	useEffect(() => {
		void loadTemplate().then(() => (steps.value = templateSteps.value));
	}, []);
	const list = steps.value;
	const save = async (event: Event) => {
		event.preventDefault();
		if (!list) return;
		const result = await saveTemplate(list);
		errors.value = result.ok ? {} : result.problem.fields;
		failure.value = result.ok ? null : result.problem.detail;
		status.value = result.ok ? "Saved. New onboardings use these steps." : "";
		if (result.ok) steps.value = result.value.steps;
	};
	return (
		<SettingsPage path="/settings/onboarding">
			{!list ? (
				<div class="skeleton skeleton-card" />
			) : (
				<form onSubmit={save} noValidate aria-label="Onboarding steps">
					<FormAlert message={failure.value} />
					{list.map((step, i) => (
						<StepEditor
							key={`${i}-${step.kind}`}
							step={step}
							index={i}
							count={list.length}
							errors={errors.value}
							update={(next) => (steps.value = list.map((s, k) => (k === i ? next : s)))}
							move={(by) => {
								const next = [...list];
								const [moved] = next.splice(i, 1);
								if (moved) next.splice(i + by, 0, moved);
								steps.value = next;
							}}
							remove={() => (steps.value = list.filter((_, k) => k !== i))}
						/>
					))}
					<div class="card">
						<div class="field">
							<label for="new-step-kind">Kind of step to add</label>
							<select id="new-step-kind" value={kind.value} onChange={(e) => (kind.value = e.currentTarget.value as TemplateStepT["kind"])}>
								{ONBOARDING_STEP_KINDS.map((k) => (
									<option key={k} value={k}>
										{STEP_KIND_LABELS[k]}
									</option>
								))}
							</select>
						</div>
						<button
							type="button"
							class="button secondary"
							onClick={() =>
								(steps.value = [
									...list,
									newStep(
										kind.value,
										list.map((s) => s.id),
									),
								])
							}
						>
							Add step
						</button>
					</div>
					<button type="submit" class="button primary">
						Save onboarding steps
					</button>
					<p role="status">{status.value}</p>
				</form>
			)}
		</SettingsPage>
	);
}
