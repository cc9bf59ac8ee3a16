/** Parses Stripe's form encoding (`items[0][price]=x&metadata[k]=v`) into nested objects and arrays. */
export type FormValue = string | FormObject | FormValue[];
export type FormObject = { [key: string]: FormValue };

export function parseStripeForm(body: string): FormObject {
	const root: FormObject = {};
	for (const [rawKey, value] of new URLSearchParams(body)) {
		const parts = rawKey.split(/\[|\]\[|\]/).filter((p, i) => i === 0 || p !== "");
		let node: FormObject | FormValue[] = root;
		parts.forEach((part, i) => {
			const last = i === parts.length - 1;
			const key = Array.isArray(node) ? Number(part === "" ? node.length : part) : part;
			const container = node as Record<string | number, FormValue>;
			if (last) {
				container[key] = value;
				return;
			}
			const next = parts[i + 1] ?? "";
			if (container[key] === undefined) container[key] = /^\d*$/.test(next) ? [] : {};
			node = container[key] as FormObject | FormValue[];
		});
	}
	return root;
}

export function str(value: FormValue | undefined): string | undefined {
	return typeof value === "string" ? value : undefined;
}

export function obj(value: FormValue | undefined): FormObject {
	return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

export function list(value: FormValue | undefined): FormValue[] {
	if (Array.isArray(value)) return value;
	if (value && typeof value === "object") return Object.values(value);
	return [];
}

export function strings(value: FormValue | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(obj(value))) if (typeof v === "string") out[k] = v;
	return out;
}
