/**
 * A time of day of the form kit (opening hours): the browser's time picker. The value is a LOCAL
 * TIME "HH:mm" with no date or zone (the form says which zone it belongs to, e.g. the agency's).
 */
import { FieldShell, type FieldShellProps } from "./field-shell";

type TimeFieldProps = Omit<FieldShellProps, "children"> & {
	value: string;
	onChange: (value: string) => void;
	required?: boolean;
	step?: number;
	/** Shown but not changeable (a weekday that is off). */
	disabled?: boolean;
};

export function TimeField({ value, onChange, required = false, step, disabled, ...shell }: TimeFieldProps) {
	return (
		<FieldShell {...shell}>
			{(control) => (
				<input
					{...control}
					type="time"
					value={value}
					step={step}
					disabled={disabled}
					required={required}
					onInput={(event) => onChange(event.currentTarget.value)}
				/>
			)}
		</FieldShell>
	);
}
