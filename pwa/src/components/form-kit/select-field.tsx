/** A labelled select of the form kit: its options, and the error and hint tied to it. */
import { FieldShell, type FieldShellProps } from "./field-shell";

type SelectFieldProps<V extends string> = Omit<FieldShellProps, "children"> & {
	value: V;
	options: readonly { value: V; label: string }[];
	onChange: (value: V) => void;
};

export function SelectField<V extends string>({ value, options, onChange, ...shell }: SelectFieldProps<V>) {
	return (
		<FieldShell {...shell}>
			{(control) => (
				<select
					{...control}
					value={value}
					onChange={(event) => {
						const chosen = options.find((option) => option.value === event.currentTarget.value);
						if (chosen) onChange(chosen.value);
					}}
				>
					{options.map((option) => (
						<option key={option.value} value={option.value}>
							{option.label}
						</option>
					))}
				</select>
			)}
		</FieldShell>
	);
}
