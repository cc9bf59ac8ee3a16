/** The operator console's sign-in: the OPERATOR_TOKEN in a password field, checked against the API before it is kept for this tab. */
import { FormModel } from "../../models/form";
import { signedOutBecause, signInOperator } from "../../models/operator-session";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";

const form = new FormModel({ token: "" }, { token: "Operator token" });

async function submit(event: Event): Promise<void> {
	event.preventDefault();
	if (form.busy.value) return;
	const token = form.values.value.token.trim();
	form.begin();
	if (!form.accept({ token: token ? undefined : "is required" })) {
		form.busy.value = false;
		return;
	}
	const result = await signInOperator(token);
	if (!result.ok) return form.fail(result.problem);
	form.busy.value = false;
	form.set("token", "");
}

export function OperatorSignIn() {
	const reason = signedOutBecause.value;
	return (
		<form class="auth-card" aria-labelledby="operator-sign-in-heading" onSubmit={submit} noValidate>
			<h1 id="operator-sign-in-heading">Operator console</h1>
			<p class="lead">Sign in with the platform's operator token (the OPERATOR_TOKEN secret). It is kept in this tab only.</p>
			<FormAlert message={form.alert.value ?? reason?.detail ?? null} />
			<Field
				id="token"
				label="Operator token"
				type="password"
				value={form.values.value.token}
				onInput={(value) => form.set("token", value)}
				error={form.errors.value.token}
				autoComplete="current-password"
				verbatim
			/>
			<button type="submit" class="button primary" aria-disabled={form.busy.value ? "true" : undefined}>
				Sign in
			</button>
		</form>
	);
}
