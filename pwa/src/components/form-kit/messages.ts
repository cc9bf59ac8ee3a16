/**
 * The form kit's messages, as plain functions (unit-tested): which message each field shows — its
 * own check's once the person has left it (or tried to send), else the server's for its name — and
 * the sentence the form's alert says after a failed send.
 */
import { withLabel } from "../../models/form";

export type Messages = Record<string, string>;

/** The messages of a check, without the fields that passed. */
export function failures(checked: Record<string, string | undefined>): Messages {
	return Object.fromEntries(Object.entries(checked).filter((entry): entry is [string, string] => Boolean(entry[1])));
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
	return own ?? server[name];
}

/**
 * The sentence above the form: one field's own message ("Title is required") when only one shown field
 * is named, a count for several, or the problem's detail when no shown field is named (`shown`: the
 * fields on the form, by name, with their labels).
 */
export function alertFor(fields: Messages, shown: ReadonlyMap<string, string>, detail: string): string {
	const named = Object.keys(fields).filter((name) => shown.has(name));
	const only = named[0];
	if (only === undefined) return detail;
	if (named.length === 1 && Object.keys(fields).length === 1) return withLabel(shown.get(only) ?? "", fields[only] ?? "");
	return `Please correct the ${named.length} highlighted fields.`;
}
