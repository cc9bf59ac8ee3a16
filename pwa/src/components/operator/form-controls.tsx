/** A labelled select and a labelled date-and-time input, wired to their error message like Field (aria-describedby, aria-invalid). */
import type { ComponentChildren } from "preact";

type ControlProps = { id: string; label: string; value: string; onChange: (value: string) => void; error?: string | undefined };

function describedBy(id: string, error: string | undefined) {
	return error ? { "aria-describedby": `${id}-error`, "aria-invalid": "true" as const } : {};
}

function ErrorOf({ id, error }: { id: string; error: string | undefined }) {
	return error ? (
		<p id={`${id}-error`} class="field-error">
			{error}
		</p>
	) : null;
}

export function SelectField({ id, label, value, onChange, error, children }: ControlProps & { children: ComponentChildren }) {
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<select id={id} name={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} {...describedBy(id, error)}>
				{children}
			</select>
			<ErrorOf id={id} error={error} />
		</div>
	);
}

export function DateTimeField({ id, label, value, onChange, error }: ControlProps) {
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<input
				id={id}
				name={id}
				type="datetime-local"
				value={value}
				onInput={(e) => onChange(e.currentTarget.value)}
				{...describedBy(id, error)}
			/>
			<ErrorOf id={id} error={error} />
		</div>
	);
}
