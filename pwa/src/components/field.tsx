/** A labelled input whose hint and error are tied to it (aria-describedby, aria-invalid). */

type FieldProps = {
	/** Also the input's name; form models key their messages by it. */
	id: string;
	label: string;
	value: string;
	onInput: (value: string) => void;
	type?: "text" | "email" | "password";
	error?: string | undefined;
	hint?: string | undefined;
	autoComplete?: string;
	/** Addresses, emails: no automatic capitals or spelling fixes on phones. */
	verbatim?: boolean;
	maxLength?: number;
	/** False for an optional field (most are required). */
	required?: boolean;
};

export function Field({
	id,
	label,
	value,
	onInput,
	type = "text",
	error,
	hint,
	autoComplete,
	verbatim = false,
	maxLength,
	required = true,
}: FieldProps) {
	const errorId = `${id}-error`;
	const hintId = `${id}-hint`;
	// The error comes first: it is what the user needs to hear now.
	const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
	const input = {
		id,
		name: id,
		value,
		onInput: (event: { currentTarget: HTMLInputElement }) => onInput(event.currentTarget.value),
		required,
		autoComplete,
		autoCapitalize: verbatim ? ("none" as const) : undefined,
		spellcheck: verbatim ? false : undefined,
		maxLength,
		"aria-invalid": error ? ("true" as const) : undefined,
		"aria-describedby": describedBy || undefined,
	};
	return (
		<div class="field">
			<label for={id}>{label}</label>
			{/* One element per type: Preact types the attributes of each input type separately. */}
			{type === "password" ? (
				<input type="password" {...input} />
			) : type === "email" ? (
				<input type="email" {...input} />
			) : (
				<input type="text" {...input} />
			)}
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
