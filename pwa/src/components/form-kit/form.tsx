/**
 * The form kit's form: it sends, keeps the submit state, checks fields on the client (a field's
 * message shows once the person leaves it, and every field's on a send), and maps an RFC 9457
 * problem onto the form — each `errors[].path` message beside the field of that name, and a
 * sentence in the form's live alert — then puts the keyboard on the first field to fix. Fields and
 * SubmitButton read it through context, so a form only says what it sends and what it checks.
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useContext, useEffect, useRef } from "preact/hooks";
import type { ProblemView } from "../../api/problem";
import type { Result } from "../../api/request";
import { Button, type ButtonVariant } from "../kit/button";
import { focusFirstInvalid } from "./focus-first-invalid";
import { FormAlert } from "./form-alert";
import { alertFor, failures, messageFor } from "./messages";

/** What the fields and the submit button of one form read. */
export type FormState = {
	busy: boolean;
	/** The server's (or the form's own) message for the field named `name` (an API field path). */
	errorFor(name: string): string | undefined;
	/** Fields say which names they show and under which label, so the alert can name them and messages for other paths still reach it. */
	register(name: string, label: string): void;
	/** The person left the field `name`: its own check's message shows from now on. */
	visit(name: string): void;
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
	/** A message from outside a send (a provider's refusal, a passkey attempt), shown in the alert while the form has none of its own. */
	notice?: string | null;
	/** The id of the control to put the keyboard on after a refusal that names no field shown (sign-in: the password). */
	refocus?: string;
	children: ComponentChildren;
};

export function Form<T>({ send, onSuccess, check, notice = null, refocus, children, ...attributes }: FormProps<T>) {
	const busy = useSignal(false);
	const problem = useSignal<ProblemView | null>(null);
	const alert = useSignal<string | null>(null);
	const element = useRef<HTMLFormElement>(null);
	const shown = useRef(new Map<string, string>()).current;
	const visited = useSignal<ReadonlySet<string>>(new Set());
	const submitted = useSignal(false);
	// A newer message from outside replaces the last send's.
	useEffect(() => {
		if (notice) alert.value = null;
	}, [notice]);

	/** A refused send: `fields` are the messages to name in the alert; the server's stay on `problem`, local ones come from the check. */
	const fail = (fields: Record<string, string>, detail: string, server: ProblemView | null) => {
		problem.value = server;
		alert.value = alertFor(fields, shown, detail);
		focusFirstInvalid(element.current, refocus);
	};

	const submit = async (event: Event) => {
		event.preventDefault();
		if (busy.value) return;
		submitted.value = true;
		const local = failures(check?.() ?? {});
		if (Object.keys(local).length > 0) {
			return fail(local, "Please correct the highlighted fields.", null);
		}
		busy.value = true;
		alert.value = null;
		const result = await send();
		busy.value = false;
		if (!result.ok) return fail(result.problem.fields, result.problem.detail, result.problem);
		problem.value = null;
		submitted.value = false;
		visited.value = new Set();
		onSuccess?.(result.value);
	};

	// Checked while rendering: a message goes as soon as the value is fixed.
	const local = submitted.value || visited.value.size > 0 ? failures(check?.() ?? {}) : {};
	const server = problem.value?.fields ?? {};
	const state: FormState = {
		busy: busy.value,
		errorFor: (name) => messageFor(name, local, visited.value, submitted.value, server),
		register: (name, label) => shown.set(name, label),
		visit: (name) => {
			if (!visited.value.has(name)) visited.value = new Set([...visited.value, name]);
		},
	};
	return (
		<FormContext.Provider value={state}>
			<form {...attributes} ref={element} onSubmit={submit} noValidate>
				<FormAlert message={alert.value ?? notice} />
				{children}
			</form>
		</FormContext.Provider>
	);
}

/**
 * The form's submit button: the kit's Button, loading (spinner, aria-busy, clicks ignored) and saying
 * `busyLabel` while the form is being sent, so a double click or tap sends once.
 */
export function SubmitButton({
	children,
	busyLabel,
	variant = "primary",
	block,
	disabled,
}: {
	children: ComponentChildren;
	busyLabel?: string;
	variant?: ButtonVariant;
	/** Primary buttons fill their row; false keeps one inline. */
	block?: boolean;
	/** The person may not send this form (say why beside it). */
	disabled?: boolean;
}) {
	const form = useFormState();
	const busy = form?.busy ?? false;
	return (
		<Button type="submit" variant={variant} block={block} loading={busy} disabled={disabled}>
			{busy && busyLabel ? busyLabel : children}
		</Button>
	);
}
