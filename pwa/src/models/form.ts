/**
 * One form's state as signals: the values, a message per field, the form-level message and
 * whether it is being sent, plus how a problem from the API lands on them.
 */
import { signal } from "@preact/signals";
import type { ProblemView } from "../api/problem";

export type Messages<K extends string> = Partial<Record<K, string>>;

/** "must be at least 10 characters" → "Password must be at least 10 characters"; full sentences stay as they are. */
export function withLabel(label: string, message: string): string {
	return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}

export class FormModel<K extends string> {
	readonly values;
	readonly errors = signal<Messages<K>>({});
	readonly alert = signal<string | null>(null);
	readonly busy = signal(false);

	constructor(
		initial: Record<K, string>,
		private readonly labels: Record<K, string>,
	) {
		this.values = signal(initial);
	}

	set(key: K, value: string): void {
		this.values.value = { ...this.values.value, [key]: value };
	}

	/** Starts a submission: clears the last messages and marks the form busy. */
	begin(): void {
		this.alert.value = null;
		this.busy.value = true;
	}

	/** Shows messages found before sending (raw "must be …" phrases); returns whether there were none. */
	accept(raw: Messages<K>): boolean {
		const keys = (Object.keys(this.labels) as K[]).filter((key) => raw[key]);
		this.showFieldMessages(raw, keys);
		return keys.length === 0;
	}

	/** Shows a failed submission: messages on the fields the problem names, and a summary (or its detail) above the form. */
	fail(problem: ProblemView, summary?: string): void {
		this.busy.value = false;
		const raw: Messages<K> = {};
		for (const key of Object.keys(this.labels) as K[]) {
			const message = problem.fields[key];
			if (message) raw[key] = message;
		}
		const keys = Object.keys(raw) as K[];
		this.showFieldMessages(raw, keys);
		if (summary !== undefined || keys.length === 0) this.alert.value = summary ?? problem.detail;
	}

	private showFieldMessages(raw: Messages<K>, keys: K[]): void {
		const errors: Messages<K> = {};
		for (const key of keys) errors[key] = withLabel(this.labels[key], raw[key] ?? "");
		this.errors.value = errors;
		if (keys.length === 1) this.alert.value = errors[keys[0] as K] ?? null;
		else if (keys.length > 1) this.alert.value = `Please correct the ${keys.length} highlighted fields.`;
	}
}
