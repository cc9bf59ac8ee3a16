/** A labelled multi-line text field of the form kit; its hint and error are tied to it like Field's. */
import { FieldShell, type FieldShellProps } from "./field-shell";

type TextAreaFieldProps = Omit<FieldShellProps, "children"> & {
	value: string;
	onInput: (value: string) => void;
	rows?: number;
	maxLength?: number;
	placeholder?: string;
	required?: boolean;
	/** Keys the field handles itself (a chat box's Enter sends). */
	onKeyDown?: (event: KeyboardEvent) => void;
	/** Shown but not changeable (say why beside it). */
	disabled?: boolean;
};

export function TextAreaField({
	value,
	onInput,
	rows = 4,
	maxLength,
	placeholder,
	required = true,
	onKeyDown,
	disabled,
	...shell
}: TextAreaFieldProps) {
	return (
		<FieldShell {...shell}>
			{(control) => (
				<textarea
					{...control}
					value={value}
					rows={rows}
					maxLength={maxLength}
					placeholder={placeholder}
					required={required}
					onInput={(event) => onInput(event.currentTarget.value)}
					onKeyDown={onKeyDown}
					disabled={disabled}
				/>
			)}
		</FieldShell>
	);
}
