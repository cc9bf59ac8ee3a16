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
import { FormAlert } from "../form-kit/form-alert";
import { Button } from "../kit/button";
import { SignaturePad } from "../signature-pad";

type StepProps = { run: RunT; step: RunStepT; onDone: () => void };

function useSubmit(run: RunT, step: RunStepT, onDone: () => void) {
	const problem = useSignal<ProblemView | null>(null);
	const busy = useSignal(false);
	const saved = useSignal(false);
	const send = async (body: StepSubmit) => {
		busy.value = true;
		const result = await submitStep(run.clientId, step.id, body);
		busy.value = false;
		problem.value = result.ok ? null : result.problem;
		saved.value = result.ok;
		if (result.ok) onDone();
	};
	return { problem, busy, saved, send };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
	return message ? (
		<p id={id} class="field-error">
			{message}
		</p>
	) : null;
}

function TextInput(props: { id: string; label: string; value: string; onInput: (v: string) => void; error?: string; long?: boolean }) {
	const errorId = `${props.id}-error`;
	const shared = {
		id: props.id,
		value: props.value,
		"aria-invalid": props.error ? ("true" as const) : undefined,
		"aria-describedby": props.error ? errorId : undefined,
	};
	return (
		<div class="field">
			<label for={props.id}>{props.label}</label>
			{props.long ? (
				<textarea {...shared} rows={4} onInput={(e) => props.onInput(e.currentTarget.value)} />
			) : (
				<input type="text" {...shared} onInput={(e) => props.onInput(e.currentTarget.value)} />
			)}
			<FieldError id={errorId} message={props.error} />
		</div>
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
	const { problem, busy, send } = useSubmit(run, step, onDone);
	return (
		<form
			noValidate
			onSubmit={(e) => {
				e.preventDefault();
				void send({ profile: { companyName: values.value.companyName ?? "", ...values.value } });
			}}
		>
			<FormAlert message={problem.value?.detail ?? null} />
			{PROFILE_FIELDS.map(([key, label]) => (
				<TextInput
					key={key}
					id={`profile-${key}`}
					label={label}
					value={values.value[key] ?? ""}
					onInput={(v) => (values.value = { ...values.value, [key]: v })}
					error={problem.value?.fields[`profile.${key}`]}
					long={key === "address"}
				/>
			))}
			<Button variant="primary" block={false} type="submit" disabled={busy.value}>
				Save company details
			</Button>
		</form>
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
	const { problem, busy, send } = useSubmit(run, step, onDone);
	const set = (id: string, value: string | string[]) => (answers.value = { ...answers.value, [id]: value });
	return (
		<form
			noValidate
			onSubmit={(e) => {
				e.preventDefault();
				void send({ answers: answers.value });
			}}
		>
			<FormAlert message={problem.value?.detail ?? null} />
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
								label={label}
								value={typeof value === "string" ? value : ""}
								onInput={(v) => set(field.id, v)}
								error={error}
								long={field.type === "long_text"}
							/>
						);
					case "date":
						return (
							<div class="field" key={field.id}>
								<label for={id}>{label}</label>
								<input
									id={id}
									type="date"
									value={typeof value === "string" ? value : ""}
									onInput={(e) => set(field.id, e.currentTarget.value)}
								/>
								<FieldError id={`${id}-error`} message={error} />
							</div>
						);
					case "single_choice":
					case "multi_choice": {
						const multi = field.type === "multi_choice";
						const chosen = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
						return (
							<fieldset class="field" key={field.id}>
								<legend>{label}</legend>
								{field.options.map((option, i) => (
									<label key={option} class="checkbox" for={`${id}-${i}`}>
										<input
											id={`${id}-${i}`}
											type={multi ? "checkbox" : "radio"}
											name={id}
											checked={chosen.includes(option)}
											onChange={(e) =>
												multi
													? set(field.id, e.currentTarget.checked ? [...chosen, option] : chosen.filter((c) => c !== option))
													: set(field.id, option)
											}
										/>{" "}
										{option}
									</label>
								))}
								<FieldError id={`${id}-error`} message={error} />
							</fieldset>
						);
					}
					case "file":
						return (
							<UploadInput key={field.id} id={id} label={label} run={run} error={error} onUploaded={(docId) => set(field.id, docId)} />
						);
				}
				return null;
			})}
			<Button variant="primary" block={false} type="submit" disabled={busy.value}>
				Save answers
			</Button>
		</form>
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

export function AgreementStep({ run, step, onDone }: StepProps) {
	const text = step.config.kind === "agreement" ? step.config.agreementText : "";
	const method = useSignal<"typed" | "drawn">("typed");
	const name = useSignal("");
	const svgPath = useSignal("");
	const { problem, busy, send } = useSubmit(run, step, onDone);
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
				<form
					noValidate
					onSubmit={async (e) => {
						e.preventDefault();
						const textSha256 = await sha256Hex(text);
						const signature =
							method.value === "typed"
								? { method: "typed" as const, name: name.value }
								: { method: "drawn" as const, name: name.value, svgPath: svgPath.value };
						await send({ signature, textSha256 });
					}}
				>
					<FormAlert message={problem.value?.detail ?? null} />
					<TextInput
						id="signer-name"
						label="Your full name"
						value={name.value}
						onInput={(v) => (name.value = v)}
						error={problem.value?.fields["signature.name"]}
					/>
					<fieldset class="field">
						<legend>How do you sign?</legend>
						<label class="checkbox" for="sign-typed">
							<input
								id="sign-typed"
								type="radio"
								name="sign-method"
								checked={method.value === "typed"}
								onChange={() => (method.value = "typed")}
							/>{" "}
							Type my name as my signature
						</label>
						<label class="checkbox" for="sign-drawn">
							<input
								id="sign-drawn"
								type="radio"
								name="sign-method"
								checked={method.value === "drawn"}
								onChange={() => (method.value = "drawn")}
							/>{" "}
							Draw my signature
						</label>
					</fieldset>
					{method.value === "drawn" && (
						<SignaturePad label="Signature pad: draw your signature here" onChange={(p) => (svgPath.value = p)} />
					)}
					<FieldError id="signature-path-error" message={problem.value?.fields["signature.svgPath"]} />
					<Button variant="primary" block={false} type="submit" disabled={busy.value}>
						Sign the agreement
					</Button>
				</form>
			)}
		</div>
	);
}
