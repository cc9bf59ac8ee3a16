/** The combobox's search: which options a typed query finds (plain functions, unit-tested). */

export type ComboboxOption = { value: string; label: string };

/** Lower case, with "_", "/" and "-" read as spaces, so a search matches how a name is said. */
function normalise(text: string): string {
	return text
		.toLowerCase()
		.replace(/[_/-]+/g, " ")
		.trim();
}

/** The options whose label holds every word of `query`, in their order. */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
	const words = normalise(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return [...options];
	return options.filter((option) => {
		const label = normalise(option.label);
		return words.every((word) => label.includes(word));
	});
}
