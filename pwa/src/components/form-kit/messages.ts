/**
 * The form kit's messages, as plain functions (unit-tested): which message each field shows — its
 * own check's once the person has left it (or tried to send), else the server's for its name — and
 * the sentence the form's alert says after a failed send.
 */
export type Messages = Record<string, string>;

/** "must be at least 10 characters" → "Password must be at least 10 characters"; full sentences stay as they are. */
export function withLabel(label: string, message: string): string {
	return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

/** The messages of a check, without the fields that passed. */
export function failures(checked: Record<string, string | undefined>): Messages {
	return Object.fromEntries(Object.entries(checked).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/**
 * The server's message for the field `name`: its own path, else the first item under it (a list
 * typed in one field, such as `domains`, is refused as `domains.1`).
 */
export function serverMessage(name: string, server: Messages): string | undefined {
	return server[name] ?? Object.entries(server).find(([path]) => path.startsWith(`${name}.`))?.[1];
}

/**
 * What the field `name` shows: the local check's message once the person has been through the field
 * (`visited`) or has tried to send; otherwise the server's message for that name, if any.
 */
export function messageFor(
	name: string,
	local: Messages,
	visited: ReadonlySet<string>,
	submitted: boolean,
	server: Messages,
): string | undefined {
	const own = submitted || visited.has(name) ? local[name] : undefined;
	return own ?? serverMessage(name, server);
}

/**
 * The sentence above the form: one field's own message ("Title is required") when only one shown field
 * is named, a count for several, or the problem's detail when no shown field is named (`shown`: the
 * fields on the form, by name, with their labels).
 */
export function alertFor(fields: Messages, shown: ReadonlyMap<string, string>, detail: string): string {
	// Each message counts for the shown field it lands on (`domains.1` on `domains`).
	const fieldOf = (path: string) => [...shown.keys()].find((name) => path === name || path.startsWith(`${name}.`));
	const named = [...new Set(Object.keys(fields).flatMap((path) => fieldOf(path) ?? []))];
	const only = named[0];
	if (only === undefined) return detail;
	const allOnShown = Object.keys(fields).every((path) => fieldOf(path) !== undefined);
	if (named.length === 1 && allOnShown) return withLabel(shown.get(only) ?? "", serverMessage(only, fields) ?? "");
	return named.length === 1 ? "Please correct the highlighted field." : `Please correct the ${named.length} highlighted fields.`;
}
