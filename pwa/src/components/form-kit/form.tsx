/**
 * The form kit's form: it sends, keeps the submit state, and maps an RFC 9457 problem onto the
 * form — each `errors[].path` message beside the field of that name (Field, SelectField,
 * TextAreaField), and a sentence in the form's live alert — then puts the keyboard on the first
 * field to fix. Fields and SubmitButton read it through context, so a form only says what it sends.
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useContext, useRef } from "preact/hooks";
import type { ProblemView } from "../../api/problem";
import type { Result } from "../../api/request";
import { withLabel } from "../../models/form";
import { focusFirstInvalid } from "./focus-first-invalid";
import { FormAlert } from "./form-alert";

/** What the fields and the submit button of one form read. */
export type FormState = {
	busy: boolean;
	/** The server's (or the form's own) message for the field named `name` (an API field path). */
	errorFor(name: string): string | undefined;
	/** Fields say which names they show and under which label, so the alert can name them and messages for other paths still reach it. */
	register(name: string, label: string): void;
};

const FormContext = createContext<FormState | null>(null);

/** The state of the enclosing Form, or null outside one (fields then show only their own `error`). */
export function useFormState(): FormState | null {
	return useContext(FormContext);
}

/** A check made before sending: messages by field name (none: send). */
export type Check = () => Record<string, string | undefined>;

type FormProps<T> = {
	class?: string;
	"aria-labelledby"?: string;
	"aria-label"?: string;
	/** Sends the form; a failed result's problem lands on the fields and the alert. */
	send: () => Promise<Result<T>>;
	/** After a success (clear the inputs, announce, close). */
	onSuccess?: (value: T) => void;
	/** Local checks before sending, in the same shape the server answers (field name → message). */
	check?: Check;
	children: ComponentChildren;
};

/** The sentence above the form: one field's own message, a count for several, or the problem's detail when no shown field is named. */
function alertFor(fields: Record<string, string>, shown: ReadonlyMap<string, string>, detail: string): string {
	const named = Object.keys(fields).filter((name) => shown.has(name));
	const only = named[0];
	if (only === undefined) return detail;
	if (named.length === 1 && Object.keys(fields).length === 1) return withLabel(shown.get(only) ?? "", fields[only] ?? "");
	return `Please correct the ${named.length} highlighted fields.`;
}

export function Form<T>({ send, onSuccess, check, children, ...attributes }: FormProps<T>) {
	const busy = useSignal(false);
	const problem = useSignal<ProblemView | null>(null);
	const alert = useSignal<string | null>(null);
	const element = useRef<HTMLFormElement>(null);
	const shown = useRef(new Map<string, string>()).current;

	const fail = (next: ProblemView) => {
		problem.value = next;
		alert.value = alertFor(next.fields, shown, next.detail);
		focusFirstInvalid(element.current);
	};

	const submit = async (event: Event) => {
		event.preventDefault();
		if (busy.value) return;
		const local = Object.fromEntries(Object.entries(check?.() ?? {}).filter((entry): entry is [string, string] => Boolean(entry[1])));
		if (Object.keys(local).length > 0) {
			return fail({
				status: 0,
				title: "Check the form",
				detail: "Please correct the highlighted fields.",
				fields: local,
				retryAfterSeconds: null,
			});
		}
		busy.value = true;
		alert.value = null;
		const result = await send();
		busy.value = false;
		if (!result.ok) return fail(result.problem);
		problem.value = null;
		onSuccess?.(result.value);
	};

	const state: FormState = {
		busy: busy.value,
		errorFor: (name) => problem.value?.fields[name],
		register: (name, label) => shown.set(name, label),
	};
	return (
		<FormContext.Provider value={state}>
			<form {...attributes} ref={element} onSubmit={submit} noValidate>
				<FormAlert message={alert.value} />
				{children}
			</form>
		</FormContext.Provider>
	);
}

/** The form's submit button: disabled and saying so while the form is being sent. */
export function SubmitButton({
	children,
	busyLabel,
	class: className = "button primary",
}: {
	children: ComponentChildren;
	busyLabel?: string;
	class?: string;
}) {
	const form = useFormState();
	const busy = form?.busy ?? false;
	return (
		<button type="submit" class={className} disabled={busy} aria-busy={busy ? "true" : undefined}>
			{busy && busyLabel ? busyLabel : children}
		</button>
	);
}
