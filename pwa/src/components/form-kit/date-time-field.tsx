/**
 * A moment of the form kit (an announcement's start, a booking): the browser's date-and-time picker
 * read as a wall-clock time IN THE PERSON'S TIME ZONE (their profile's, from /me; else the device's),
 * whatever zone the device is in. The value is an INSTANT (epoch milliseconds, or null when empty):
 * send it as is. Below the picker it says which zone it reads and the moment in the person's locale.
 * Around a change of the clocks a skipped time moves forward and a repeated one is the first
 * (lib/date-format.ts localDateTimeToMs).
 */
import { useSignal } from "@preact/signals";
import { formatWhen, localDateTimeToMs, msToLocalDateTime, viewerTimeZone, zoneName } from "../../lib/date-format";
import { FieldShell, type FieldShellProps } from "./field-shell";

type DateTimeFieldProps = Omit<FieldShellProps, "children" | "hint"> & {
	value: number | null;
	onChange: (value: number | null) => void;
	required?: boolean;
	hint?: string;
};

export function DateTimeField({ value, onChange, required = false, hint, ...shell }: DateTimeFieldProps) {
	const zone = viewerTimeZone();
	// What the picker holds, kept as typed while it names the same moment as `value`.
	const text = useSignal(value === null ? "" : msToLocalDateTime(value, zone));
	const shown = localDateTimeToMs(text.value, zone) === value ? text.value : value === null ? "" : msToLocalDateTime(value, zone);
	const at = value ?? Date.now();
	const said = `${value === null ? "" : `${formatWhen(value)} · `}Time zone ${zone} (${zoneName(at, zone)})`;
	return (
		<FieldShell {...shell} hint={hint ? `${said} · ${hint}` : said}>
			{(control) => (
				<input
					{...control}
					type="datetime-local"
					value={shown}
					required={required}
					onInput={(event) => {
						text.value = event.currentTarget.value;
						onChange(localDateTimeToMs(text.value, zone));
					}}
				/>
			)}
		</FieldShell>
	);
}
