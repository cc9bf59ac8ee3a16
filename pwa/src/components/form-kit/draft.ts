/**
 * The form kit's draft: the values of a form whose data comes from the server, where what the
 * person types is theirs. Data that arrives late (the first load, a refresh, the answer to a save)
 * fills only the fields the person has not changed, so nothing they type is ever overwritten. A
 * field counts as theirs from their first change until a save that sent exactly what it holds.
 */
import { type Signal, signal } from "@preact/signals";
import { useMemo } from "preact/hooks";

/** The values after data arrived: fields in `touched` keep what the person has, the others take `incoming`. */
export function mergeIncoming<T extends object>(current: T, incoming: T, touched: ReadonlySet<keyof T>): T {
	const next = { ...current };
	for (const key of Object.keys(incoming) as (keyof T)[]) {
		if (!touched.has(key)) next[key] = incoming[key];
	}
	return next;
}

export class Draft<T extends object> {
	readonly values: Signal<T>;
	/** Whether the server's values have arrived at least once (a page may show them as loading until then). */
	readonly loaded = signal(false);
	private readonly touched = new Set<keyof T>();

	constructor(initial: T) {
		this.values = signal(initial);
	}

	/** The person changed a field: it is theirs until a save sends it. */
	set<K extends keyof T>(key: K, value: T[K]): void {
		this.touched.add(key);
		this.values.value = { ...this.values.value, [key]: value };
	}

	/** Whether the person has changed `key` since it was last saved. */
	isTouched(key: keyof T): boolean {
		return this.touched.has(key);
	}

	/** The server's values arrived: they fill every field the person has not changed. */
	load(incoming: T): void {
		this.values.value = mergeIncoming(this.values.value, incoming, this.touched);
		this.loaded.value = true;
	}

	/**
	 * A save of `sent` was answered with `answer` (the stored values, or the empty form after an
	 * "add"): fields still holding what was sent take the answer and are no longer the person's;
	 * fields they changed while the save was on the way keep what they typed.
	 */
	saved(sent: T, answer: T): void {
		const current = this.values.value;
		for (const key of Object.keys(sent) as (keyof T)[]) {
			if (Object.is(current[key], sent[key])) this.touched.delete(key);
		}
		this.load(answer);
	}
}

/** A component's own draft, made once with `initial` (the values shown before the server's arrive). */
export function useDraft<T extends object>(initial: T): Draft<T> {
	// Made once per component; later `initial`s are ignored, as useState's are.
	return useMemo(() => new Draft(initial), []);
}
