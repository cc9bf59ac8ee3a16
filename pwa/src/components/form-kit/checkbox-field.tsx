/**
 * A checkbox of the form kit: the box, then its label, and its hint and error tied to it (the error
 * from the enclosing Form by `name`, as for every field).
 */
import type { ComponentChildren } from "preact";
import { useFormState } from "./form";
import { withLabel } from "./messages";
import "./form-kit.css";

type CheckboxFieldProps = {
	id: string;
	name?: string;
	label: string;
	checked: boolean;
	onChange: (checked: boolean) => void;
	hint?: ComponentChildren;
	error?: string | undefined;
};

export function CheckboxField({ id, name = id, label, checked, onChange, hint, error }: CheckboxFieldProps) {
	const form = useFormState();
	form?.register(name, label);
	const raw = error ?? form?.errorFor(name);
	const message = raw ? withLabel(label, raw) : undefined;
	const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
	return (
		<div class="field field-check">
			<label for={id}>
				<input
					id={id}
					name={name}
					type="checkbox"
					checked={checked}
					aria-invalid={message ? "true" : undefined}
					aria-describedby={describedBy || undefined}
					onChange={(event) => onChange(event.currentTarget.checked)}
					onBlur={() => form?.visit(name)}
				/>{" "}
				{label}
			</label>
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
		</div>
	);
}
