/**
 * A radio group of the form kit: a fieldset whose legend is the label, one radio per option, and the
 * group's hint and error tied to the first radio and the group (the error from the enclosing Form by `name`).
 */
import type { ComponentChildren } from "preact";
import { useFormState } from "./form";
import { withLabel } from "./messages";
import "./form-kit.css";

type RadioGroupProps<V extends string> = {
	id: string;
	name?: string;
	label: string;
	value: V;
	options: readonly { value: V; label: string }[];
	onChange: (value: V) => void;
	hint?: ComponentChildren;
	error?: string | undefined;
};

export function RadioGroup<V extends string>({ id, name = id, label, value, options, onChange, hint, error }: RadioGroupProps<V>) {
	const form = useFormState();
	form?.register(name, label);
	const raw = error ?? form?.errorFor(name);
	const message = raw ? withLabel(label, raw) : undefined;
	const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
	return (
		<fieldset id={id} class="field field-radios" aria-describedby={describedBy || undefined}>
			<legend>{label}</legend>
			{options.map((option, index) => (
				<label key={option.value} for={`${id}-${option.value}`}>
					<input
						id={`${id}-${option.value}`}
						name={name}
						type="radio"
						value={option.value}
						checked={option.value === value}
						// The first radio carries the state, so focusing the first invalid field lands in the group.
						aria-invalid={message && index === 0 ? "true" : undefined}
						onChange={() => onChange(option.value)}
						onBlur={() => form?.visit(name)}
					/>{" "}
					{option.label}
				</label>
			))}
			{message && (
				<p id={`${id}-error`} class="field-error">
					{message}
				</p>
			)}
			{hint && (
				<p id={`${id}-hint`} class="field-hint">
					{hint}
				</p>
			)}
		</fieldset>
	);
}
