/**
 * A radio group of the form kit: a fieldset whose legend is the label, one radio per option, and the
 * group's hint and error tied to the first radio and the group (the error from the enclosing Form by
 * `name`, through the same `useFieldMessage` / `FieldNotes` as every field).
 */
import type { ComponentChildren } from "preact";
import { FieldNotes, useFieldMessage } from "./field-shell";
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

export function RadioGroup<V extends string>({ id, name, label, value, options, onChange, hint, error }: RadioGroupProps<V>) {
	const field = useFieldMessage({ id, name, label, error, hint });
	return (
		<fieldset id={id} class="field field-radios" aria-describedby={field.describedBy}>
			<legend>{label}</legend>
			{options.map((option, index) => (
				<label key={option.value} for={`${id}-${option.value}`}>
					<input
						id={`${id}-${option.value}`}
						name={field.name}
						type="radio"
						value={option.value}
						checked={option.value === value}
						// The first radio carries the state, so focusing the first invalid field lands in the group.
						aria-invalid={field.message && index === 0 ? "true" : undefined}
						onChange={() => onChange(option.value)}
						onBlur={field.visit}
					/>{" "}
					{option.label}
				</label>
			))}
			<FieldNotes id={id} message={field.message} hint={hint} />
		</fieldset>
	);
}
