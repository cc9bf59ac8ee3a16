/** A labelled input whose error message is announced and tied to it (aria-invalid, aria-describedby). */
import type { InputHTMLAttributes } from "preact";

type FieldProps = {
	id: string;
	label: string;
	value: string;
	onInput: (event: Event) => void;
	type?: "text" | "email" | "password";
	error?: string | undefined;
	hint?: string | undefined;
	autoComplete?: string;
	autoCapitalize?: "none" | "sentences" | "words";
	spellcheck?: boolean;
	required?: boolean;
};

export function Field({ id, label, error, hint, type = "text", ...input }: FieldProps) {
	const hintId = hint ? `${id}-hint` : undefined;
	const errorId = error ? `${id}-error` : undefined;
	const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
	// Preact types each input `type` separately; these attributes are valid for all three.
	const attributes = {
		id,
		name: id,
		type,
		"aria-invalid": error ? ("true" as const) : undefined,
		"aria-describedby": describedBy,
		...input,
	} as InputHTMLAttributes<HTMLInputElement>;
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<input {...attributes} />
			{error && (
				<p id={errorId} class="field-error">
					{error}
				</p>
			)}
			{hint && (
				<p id={hintId} class="field-hint">
					{hint}
				</p>
			)}
		</div>
	);
}
