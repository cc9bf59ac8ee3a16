/**
 * A labelled text input of the form kit (text, email, password, url, search, tel, number): its hint
 * and error are tied to it (field-shell.tsx), the error from the enclosing Form by `name`.
 * `<Field id="client-name" name="name" label="Name" value={v.name} onInput={(x) => draft.set("name", x)} />`
 */
import { FieldShell, type FieldShellProps } from "./field-shell";

type FieldProps = Omit<FieldShellProps, "children"> & {
	value: string;
	onInput: (value: string) => void;
	type?: "text" | "email" | "password" | "url" | "search" | "tel" | "number";
	autoComplete?: string;
	/** Addresses, emails: no automatic capitals or spelling fixes on phones. */
	verbatim?: boolean;
	maxLength?: number;
	placeholder?: string;
	/** False for an optional field (most are required). */
	required?: boolean;
	/** Shown but not changeable (the person may read the setting, not change it; say why in the hint). */
	disabled?: boolean;
	/** A value to copy, not to change (a new share link). */
	readOnly?: boolean;
};

export function Field({
	value,
	onInput,
	type = "text",
	autoComplete,
	verbatim = false,
	maxLength,
	placeholder,
	required = true,
	disabled,
	readOnly,
	...shell
}: FieldProps) {
	return (
		<FieldShell {...shell}>
			{(control) => {
				const input = {
					...control,
					value,
					onInput: (event: { currentTarget: HTMLInputElement }) => onInput(event.currentTarget.value),
					required,
					autoComplete,
					autoCapitalize: verbatim ? ("none" as const) : undefined,
					spellcheck: verbatim ? false : undefined,
					maxLength,
					placeholder,
					disabled,
					readOnly,
					// A value to copy: focusing it selects it all.
					onFocus: readOnly ? (event: { currentTarget: HTMLInputElement }) => event.currentTarget.select() : undefined,
				};
				// One element per type: Preact types the attributes of each input type separately.
				switch (type) {
					case "password":
						return <input type="password" {...input} />;
					case "email":
						return <input type="email" {...input} />;
					case "url":
						return <input type="url" {...input} />;
					case "search":
						return <input type="search" {...input} />;
					case "tel":
						return <input type="tel" {...input} />;
					case "number":
						// Digits keyboard on phones; the value stays text so an empty field is "" and the form's check reads it.
						return <input type="text" inputMode="decimal" {...input} />;
					default:
						return <input type="text" {...input} />;
				}
			}}
		</FieldShell>
	);
}
