/**
 * The form kit's field frame: a label, one control, and the control's error and hint tied to it
 * by id (aria-describedby, aria-invalid) so screen readers read them with the field. The message
 * comes from the enclosing Form's problem (by the field's `name`, the API field path) unless given.
 */
import type { ComponentChildren } from "preact";
import { useFormState } from "./form";
import { withLabel } from "./messages";

/** The attributes every control of a field gets. */
export type ControlProps = {
	id: string;
	name: string;
	"aria-invalid": "true" | undefined;
	"aria-describedby": string | undefined;
	/** Shows the field's own check once the person leaves it. */
	onBlur: () => void;
};

export type FieldShellProps = {
	/** The control's id (unique in the page). */
	id: string;
	/** The API field path whose problem message shows here; the id when left out. */
	name?: string | undefined;
	label: string;
	/** A message to show instead of the Form's (checks made outside a Form). */
	error?: string | undefined;
	hint?: ComponentChildren;
	children: (control: ControlProps) => ComponentChildren;
};

export function FieldShell({ id, name = id, label, error, hint, children }: FieldShellProps) {
	const form = useFormState();
	const plainLabel = label.replace(/ \(optional\)$/, "");
	form?.register(name, plainLabel);
	const raw = error ?? form?.errorFor(name);
	const message = raw ? withLabel(plainLabel, raw) : undefined;
	const errorId = `${id}-error`;
	const hintId = `${id}-hint`;
	// The error comes first: it is what the user needs to hear now.
	const describedBy = [message ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
	return (
		<div class="field">
			<label for={id}>{label}</label>
			{children({
				id,
				name,
				"aria-invalid": message ? "true" : undefined,
				"aria-describedby": describedBy || undefined,
				onBlur: () => form?.visit(name),
			})}
			{message && (
				<p id={errorId} class="field-error">
					{message}
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
