/**
 * A checkbox of the form kit: the box, then its label, and its hint and error tied to it (the error
 * from the enclosing Form by `name`, as for every field: field-shell.tsx). `labelHidden` for a box in a
 * grid whose row and column headers show what it is (its label still names it for screen readers).
 */
import { FieldShell, type FieldShellProps } from "./field-shell";
import "./form-kit.css";

type CheckboxFieldProps = Omit<FieldShellProps, "children" | "layout"> & {
	checked: boolean;
	onChange: (checked: boolean) => void;
	/** Shown but not changeable (say why in the hint). */
	disabled?: boolean;
};

export function CheckboxField({ checked, onChange, disabled, ...shell }: CheckboxFieldProps) {
	return (
		<FieldShell {...shell} layout="check">
			{(control) => (
				<input
					{...control}
					type="checkbox"
					checked={checked}
					disabled={disabled}
					onChange={(event) => onChange(event.currentTarget.checked)}
				/>
			)}
		</FieldShell>
	);
}
