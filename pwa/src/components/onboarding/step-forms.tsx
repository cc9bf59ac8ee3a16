/**
 * The forms of the client's onboarding wizard, one per step kind: company profile, questionnaire
 * (files upload into the client's Onboarding folder), requested documents, kickoff and agreement.
 * Each submits through the onboarding model and shows the server's field messages beside the fields.
 */

import { useSignal } from "@preact/signals";
import type { ProblemView } from "../../api/problem";
import { formatDateTime } from "../../lib/date-format";
import { uploadInto } from "../../models/documents";
import { type RunStepT, type RunT, type StepSubmit, sha256Hex, signatureUrl, submitStep } from "../../models/onboarding";
import { CheckboxField } from "../form-kit/checkbox-field";
import { DateField } from "../form-kit/date-field";
import { FieldNotes, useFieldMessage } from "../form-kit/field-shell";
import { Form, SubmitButton } from "../form-kit/form";
import { FormAlert } from "../form-kit/form-alert";
import { RadioGroup } from "../form-kit/radio-group";
import { Field } from "../form-kit/text-field";
import { TextAreaField } from "../form-kit/textarea-field";
import { SignaturePad } from "../signature-pad";

type StepProps = { run: RunT; step: RunStepT; onDone: () => void };

/** Sends one step's answer (the kit Form shows a refusal on the fields named by its API paths). */
function useSubmit(run: RunT, step: RunStepT, onDone: () => void) {
	const problem = useSignal<ProblemView | null>(null);
	const send = async (body: StepSubmit) => {
		const result = await submitStep(run.clientId, step.id, body);
		problem.value = result.ok ? null : result.problem;
		return result;
	};
	return { problem, send, onSuccess: onDone };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
	return message ? (
		<p id={id} class="field-error">
			{message}
		</p>
	) : null;
}

/** A short or long text answer of the kit, its error from the Form by its API path. */
function TextInput(props: { id: string; name: string; label: string; value: string; onInput: (v: string) => void; long?: boolean }) {
	const common = { id: props.id, name: props.name, label: props.label, value: props.value, onInput: props.onInput, required: false };
	return props.long ? <TextAreaField {...common} rows={4} /> : <Field {...common} />;
}

/** Several answers from a list: a box per option, the group's error (by its API path) under it. */
function ChoiceBoxes(props: {
	id: string;
	name: string;
	label: string;
	options: readonly string[];
	chosen: string[];
	onChange: (chosen: string[]) => void;
}) {
	const field = useFieldMessage({ id: props.id, name: props.name, label: props.label });
	return (
		<fieldset class="field" aria-describedby={field.describedBy}>
			<legend>{props.label}</legend>
			{props.options.map((option, i) => (
				<CheckboxField
					key={option}
					id={`${props.id}-${i}`}
					name={`${props.id}-${i}`}
					label={option}
					checked={props.chosen.includes(option)}
					onChange={(on) => props.onChange(on ? [...props.chosen, option] : props.chosen.filter((c) => c !== option))}
				/>
			))}
			<FieldNotes id={props.id} message={field.message} />
		</fieldset>
	);
}

const PROFILE_FIELDS = [
	["companyName", "Company name"],
	["website", "Website"],
	["phone", "Phone"],
	["address", "Address"],
	["billingEmail", "Billing email"],
	["taxId", "Tax or VAT number"],
] as const;

export function ProfileStep({ run, step, onDone }: StepProps) {
	const initial = ((step.data.profile as Record<string, string> | undefined) ?? { companyName: run.clientName }) as Record<string, string>;
	const values = useSignal<Record<string, string>>(initial);
	const { send, onSuccess } = useSubmit(run, step, onDone);
	return (
		<Form
			aria-label="Company details"
			send={() => send({ profile: { companyName: values.value.companyName ?? "", ...values.value } })}
			onSuccess={onSuccess}
		>
			{PROFILE_FIELDS.map(([key, label]) => (
				<TextInput
					key={key}
					id={`profile-${key}`}
					name={`profile.${key}`}
					label={label}
					value={values.value[key] ?? ""}
					onInput={(v) => (values.value = { ...values.value, [key]: v })}
					long={key === "address"}
				/>
			))}
			<SubmitButton block={false} busyLabel="Saving…">
				Save company details
			</SubmitButton>
		</Form>
	);
}

/** A file input that uploads into the client's Onboarding folder and reports the new document's id. */
function UploadInput(props: {
	id: string;
	label: string;
	run: RunT;
	onUploaded: (documentId: string, name: string) => void;
	error?: string;
}) {
	const status = useSignal("");
	const errorId = `${props.id}-error`;
	return (
		<div class="field">
			<label for={props.id}>{props.label}</label>
			<input
				id={props.id}
				type="file"
				aria-invalid={props.error ? "true" : undefined}
				aria-describedby={props.error ? errorId : `${props.id}-status`}
				onChange={async (e) => {
					const file = e.currentTarget.files?.[0];
					if (!file) return;
					status.value = `Uploading ${file.name}…`;
					const result = await uploadInto(props.run.clientId, file, props.run.folderId, () => {});
					if (!result.ok) {
						status.value = result.problem.detail;
						return;
					}
					status.value = `Uploaded ${file.name}`;
					props.onUploaded(result.value.id, file.name);
				}}
			/>
			<p id={`${props.id}-status`} class="field-hint" aria-live="polite">
				{status.value}
			</p>
			<FieldError id={errorId} message={props.error} />
		</div>
	);
}

export function QuestionnaireStep({ run, step, onDone }: StepProps) {
	const fields = step.config.kind === "questionnaire" ? step.config.fields : [];
	const answers = useSignal<Record<string, string | string[]>>(
		((step.data.answers as Record<string, string | string[]> | undefined) ?? {}) as Record<string, string | string[]>,
	);
	const { problem, send, onSuccess } = useSubmit(run, step, onDone);
	const set = (id: string, value: string | string[]) => (answers.value = { ...answers.value, [id]: value });
	return (
		<Form aria-label="Questionnaire" send={() => send({ answers: answers.value })} onSuccess={onSuccess}>
			{fields.map((field) => {
				const id = `answer-${field.id}`;
				const label = `${field.label}${field.required ? " (required)" : ""}`;
				const error = problem.value?.fields[`answers.${field.id}`];
				const value = answers.value[field.id];
				switch (field.type) {
					case "short_text":
					case "long_text":
						return (
							<TextInput
								key={field.id}
								id={id}
								name={`answers.${field.id}`}
								label={label}
								value={typeof value === "string" ? value : ""}
								onInput={(v) => set(field.id, v)}
								long={field.type === "long_text"}
							/>
						);
					case "date":
						return (
							<DateField
								key={field.id}
								id={id}
								name={`answers.${field.id}`}
								label={label}
								value={typeof value === "string" ? value : ""}
								onChange={(v) => set(field.id, v)}
							/>
						);
					case "single_choice":
						return (
							<RadioGroup
								key={field.id}
								id={id}
								name={`answers.${field.id}`}
								label={label}
								value={typeof value === "string" ? value : ""}
								options={field.options.map((option) => ({ value: option, label: option }))}
								onChange={(v) => set(field.id, v)}
							/>
						);
					case "multi_choice":
						return (
							<ChoiceBoxes
								key={field.id}
								id={id}
								name={`answers.${field.id}`}
								label={label}
								options={field.options}
								chosen={Array.isArray(value) ? value : typeof value === "string" ? [value] : []}
								onChange={(chosen) => set(field.id, chosen)}
							/>
						);
					case "file":
						return (
							<UploadInput key={field.id} id={id} label={label} run={run} error={error} onUploaded={(docId) => set(field.id, docId)} />
						);
				}
				return null;
			})}
			<SubmitButton block={false} busyLabel="Saving…">
				Save answers
			</SubmitButton>
		</Form>
	);
}

export function DocumentsStep({ run, step, onDone }: StepProps) {
	const filled = (step.data.documents as Record<string, string> | undefined) ?? {};
	const { problem, send } = useSubmit(run, step, onDone);
	if (step.config.kind !== "documents") return null;
	return (
		<div>
			<FormAlert message={problem.value?.detail ?? null} />
			{step.config.documents.map((slot) => (
				<div key={slot.id}>
					<UploadInput
						id={`document-${slot.id}`}
						label={`${slot.name}${slot.required ? " (required)" : ""}${filled[slot.id] ? " — received" : ""}`}
						run={run}
						error={problem.value?.fields[`documents.${slot.id}`]}
						onUploaded={(docId) => void send({ documents: { [slot.id]: docId } })}
					/>
					{slot.description && <p class="field-hint">{slot.description}</p>}
				</div>
			))}
		</div>
	);
}

export function KickoffStep({ step }: StepProps) {
	return step.status === "done" ? (
		<p>Your kickoff is booked.</p>
	) : (
		<p>
			Pick a time that suits you on the <a href="/bookings">bookings page</a>; this step ticks itself once the kickoff is booked.
		</p>
	);
}

const SIGN_METHODS = [
	{ value: "typed", label: "Type my name as my signature" },
	{ value: "drawn", label: "Draw my signature" },
] as const;

export function AgreementStep({ run, step, onDone }: StepProps) {
	const text = step.config.kind === "agreement" ? step.config.agreementText : "";
	const method = useSignal<"typed" | "drawn">("typed");
	const name = useSignal("");
	const svgPath = useSignal("");
	const { problem, send, onSuccess } = useSubmit(run, step, onDone);
	const signed = step.signature;
	return (
		<div>
			<blockquote class="agreement-text">{signed?.signedText ?? text}</blockquote>
			{signed ? (
				<div class="signed-record">
					<p>
						Signed by {signed.signerName} on {formatDateTime(signed.signedAt)} ({signed.method}).
					</p>
					<p class="record-meta">SHA-256 of the signed text: {signed.textSha256}</p>
					<a href={signatureUrl(run.clientId, signed.id)} download>
						Download the signed agreement
					</a>
				</div>
			) : (
				<Form
					aria-label="Sign the agreement"
					send={async () => {
						const textSha256 = await sha256Hex(text);
						const signature =
							method.value === "typed"
								? { method: "typed" as const, name: name.value }
								: { method: "drawn" as const, name: name.value, svgPath: svgPath.value };
						return send({ signature, textSha256 });
					}}
					onSuccess={onSuccess}
				>
					<TextInput id="signer-name" name="signature.name" label="Your full name" value={name.value} onInput={(v) => (name.value = v)} />
					<RadioGroup
						id="sign-method"
						name="signature.method"
						label="How do you sign?"
						value={method.value}
						options={SIGN_METHODS}
						onChange={(v) => (method.value = v)}
					/>
					{method.value === "drawn" && (
						<SignaturePad label="Signature pad: draw your signature here" onChange={(p) => (svgPath.value = p)} />
					)}
					<FieldError id="signature-path-error" message={problem.value?.fields["signature.svgPath"]} />
					<SubmitButton block={false} busyLabel="Signing…">
						Sign the agreement
					</SubmitButton>
				</Form>
			)}
		</div>
	);
}
