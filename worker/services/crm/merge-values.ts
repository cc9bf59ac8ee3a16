/**
 * The values a merged record keeps (pure). The survivor keeps its own value of each field unless
 * the caller prefers the duplicate's (`preferSource`, by field name or `customFields.<key>`); an
 * empty field of the survivor takes the duplicate's; tags are the union; custom field values are
 * combined the same way key by key. The duplicate's row itself stays as a tombstone, so no value
 * is ever lost.
 */
import type { FieldError } from "../../lib/problem";

type Mergeable = { tags: string[]; customFields: Record<string, unknown> };

const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

export function mergedValues<R extends Mergeable, F extends keyof R & string>(
	target: R,
	source: R,
	fields: readonly F[],
	preferSource: readonly string[],
): { values: Pick<R, F> & Mergeable; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const prefer = new Set(preferSource);
	for (const name of prefer) {
		const known =
			(fields as readonly string[]).includes(name) || (name.startsWith("customFields.") && name.slice(13) in source.customFields);
		if (!known) errors.push({ path: "preferSource", message: `${name} is not a field of the duplicate to prefer` });
	}
	const values = {} as Pick<R, F>;
	for (const field of fields) {
		const fromSource = (prefer.has(field) && !isEmpty(source[field])) || isEmpty(target[field]);
		values[field] = fromSource ? source[field] : target[field];
	}
	const customFields: Record<string, unknown> = { ...source.customFields, ...target.customFields };
	for (const [key, value] of Object.entries(source.customFields)) {
		if (prefer.has(`customFields.${key}`)) customFields[key] = value;
	}
	const tags = [...new Set([...target.tags, ...source.tags])].slice(0, 20);
	return { values: { ...values, tags, customFields }, errors };
}
