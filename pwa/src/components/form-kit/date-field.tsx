/**
 * A calendar day of the form kit (a due date, a filter's "from"): the browser's date picker, and
 * the day written out in the person's locale below it. The value is a LOCAL DATE "YYYY-MM-DD" with
 * no time zone (send it as is; the API stores a day). To send the start of that day as an instant in
 * the person's zone use `dateInputToMs` from lib/date-format.ts; for a moment use DateTimeField.
 */
import { formatCalendarDay } from "../../lib/date-format";
import { FieldShell, type FieldShellProps } from "./field-shell";

type DateFieldProps = Omit<FieldShellProps, "children" | "hint"> & {
	/** "YYYY-MM-DD", or "" for none. */
	value: string;
	onChange: (value: string) => void;
	/** Earliest and latest days allowed ("YYYY-MM-DD"). */
	min?: string;
	max?: string;
	required?: boolean;
	hint?: string;
};

export function DateField({ value, onChange, min, max, required = false, hint, ...shell }: DateFieldProps) {
	const said = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDay(value) : null;
	return (
		<FieldShell {...shell} hint={[said, hint].filter(Boolean).join(" · ") || undefined}>
			{(control) => (
				<input
					{...control}
					type="date"
					value={value}
					min={min}
					max={max}
					required={required}
					onInput={(event) => onChange(event.currentTarget.value)}
				/>
			)}
		</FieldShell>
	);
}
