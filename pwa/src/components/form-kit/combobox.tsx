/**
 * A select with search, for long option lists (clients, time zones): a text box with the ARIA 1.2
 * combobox pattern. Typing filters the options (by any part of the label; "new york" finds
 * "America/New_York"), ArrowDown/ArrowUp move through them (aria-activedescendant: the keyboard
 * stays in the box), Enter or a click chooses, Escape closes and puts back the chosen option. Leaving
 * the box without choosing keeps the value it had. Its label, hint and error are tied to it like
 * every field of the kit.
 * `<Combobox id="tz" name="timeZone" label="Time zone" value={v.timeZone} options={zones} onChange={(z) => draft.set("timeZone", z)} />`
 */
import { useSignal } from "@preact/signals";
import { FieldShell, type FieldShellProps } from "./field-shell";
import { type ComboboxOption, filterOptions } from "./filter-options";
import "./form-kit.css";

export type { ComboboxOption };

type ComboboxProps = Omit<FieldShellProps, "children"> & {
	value: string;
	options: readonly ComboboxOption[];
	onChange: (value: string) => void;
	placeholder?: string;
	/** How many matches the list shows at most (the rest are reached by typing more). */
	limit?: number;
};

export function Combobox({ value, options, onChange, placeholder, limit = 50, ...shell }: ComboboxProps) {
	const query = useSignal<string | null>(null);
	const open = useSignal(false);
	const active = useSignal(0);
	const chosenLabel = options.find((option) => option.value === value)?.label ?? value;
	const matches = filterOptions(options, query.value ?? "").slice(0, limit);
	const listId = `${shell.id}-listbox`;
	const optionId = (index: number) => `${shell.id}-option-${index}`;

	const close = () => {
		open.value = false;
		query.value = null;
	};
	const choose = (option: ComboboxOption | undefined) => {
		if (option) onChange(option.value);
		close();
	};
	const move = (by: number) => {
		if (!open.value) {
			open.value = true;
			active.value = Math.max(
				0,
				matches.findIndex((option) => option.value === value),
			);
			return;
		}
		if (matches.length > 0) active.value = (active.value + by + matches.length) % matches.length;
	};
	const onKeyDown = (event: KeyboardEvent) => {
		switch (event.key) {
			case "ArrowDown":
				event.preventDefault();
				move(1);
				break;
			case "ArrowUp":
				event.preventDefault();
				move(-1);
				break;
			case "Enter":
				// Choosing, not sending the form.
				if (open.value) {
					event.preventDefault();
					choose(matches[active.value]);
				}
				break;
			case "Escape":
				if (open.value) {
					event.preventDefault();
					close();
				}
				break;
		}
	};
	const expanded = open.value && matches.length > 0;

	return (
		<FieldShell {...shell}>
			{(control) => (
				<div class="combobox">
					<input
						{...control}
						type="text"
						role="combobox"
						autoComplete="off"
						autoCapitalize="none"
						spellcheck={false}
						aria-autocomplete="list"
						aria-expanded={expanded ? "true" : "false"}
						aria-controls={listId}
						aria-activedescendant={expanded ? optionId(active.value) : undefined}
						placeholder={placeholder}
						value={query.value ?? chosenLabel}
						onInput={(event) => {
							query.value = event.currentTarget.value;
							open.value = true;
							active.value = 0;
						}}
						onClick={() => {
							if (!open.value) move(0);
						}}
						onKeyDown={onKeyDown}
						onBlur={() => {
							close();
							control.onBlur();
						}}
					/>
					<div id={listId} role="listbox" aria-label={shell.label} class="combobox-list" hidden={!expanded}>
						{expanded &&
							matches.map((option, index) => (
								// biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard stays in the text box (aria-activedescendant), whose keys choose
								<div
									key={option.value}
									tabIndex={-1}
									id={optionId(index)}
									role="option"
									aria-selected={index === active.value ? "true" : "false"}
									class={option.value === value ? "combobox-option chosen" : "combobox-option"}
									// Keep the keyboard in the box while the pointer chooses.
									onMouseDown={(event) => event.preventDefault()}
									onClick={() => choose(option)}
								>
									{option.label}
								</div>
							))}
					</div>
					{open.value && matches.length === 0 && <p class="field-hint">No match for “{query.value}”.</p>}
				</div>
			)}
		</FieldShell>
	);
}
