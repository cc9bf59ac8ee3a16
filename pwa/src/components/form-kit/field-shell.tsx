/**
 * The form kit's field frame: a label, one control, and the control's error and hint tied to it
 * by id (aria-describedby, aria-invalid) so screen readers read them with the field. The message
 * comes from the enclosing Form's problem (by the field's `name`, the API field path) unless given.
 * Text-like fields stack the label above the control; a checkbox (`layout="check"`) puts the box
 * before its label. Groups that are not one control (RadioGroup) use `useFieldMessage` + `FieldNotes`.
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

type MessageSource = { id: string; name?: string | undefined; label: string; error?: string | undefined; hint?: ComponentChildren };

export type FieldShellProps = MessageSource & {
	/** `check`: the control first, then its label (a checkbox). */
	layout?: "stacked" | "check";
	/** The label is read by screen readers only (a checkbox in a grid whose headers say what it is). */
	labelHidden?: boolean;
	children: (control: ControlProps) => ComponentChildren;
};

/** A field's (or a group's) message from the enclosing Form, and the ids describing its control. */
export function useFieldMessage({ id, name = id, label, error, hint }: MessageSource) {
	const form = useFormState();
	const plainLabel = label.replace(/ \(optional\)$/, "");
	form?.register(name, plainLabel);
	const raw = error ?? form?.errorFor(name);
	const message = raw ? withLabel(plainLabel, raw) : undefined;
	// The error comes first: it is what the user needs to hear now.
	const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
	return { name, message, describedBy, visit: () => form?.visit(name) };
}

/** The error and hint under a field, with the ids `useFieldMessage` points at. */
export function FieldNotes({ id, message, hint }: { id: string; message: string | undefined; hint?: ComponentChildren }) {
	return (
		<>
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
		</>
	);
}

export function FieldShell({ layout = "stacked", labelHidden = false, children, ...source }: FieldShellProps) {
	const { id, label, hint } = source;
	const { name, message, describedBy, visit } = useFieldMessage(source);
	const control = children({ id, name, "aria-invalid": message ? "true" : undefined, "aria-describedby": describedBy, onBlur: visit });
	const text = labelHidden ? <span class="visually-hidden">{label}</span> : label;
	return (
		<div class={layout === "check" ? "field field-check" : "field"}>
			{layout === "check" ? (
				<label for={id}>
					{control} {text}
				</label>
			) : (
				<>
					<label for={id}>{text}</label>
					{control}
				</>
			)}
			<FieldNotes id={id} message={message} hint={hint} />
		</div>
	);
}
