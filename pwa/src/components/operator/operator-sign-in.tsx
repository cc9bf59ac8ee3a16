/** The operator console's sign-in: the OPERATOR_TOKEN in a password field, checked against the API before it is kept for this tab. */
import { signedOutBecause, signInOperator } from "../../models/operator-session";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import { Field } from "../form-kit/text-field";

export function OperatorSignIn() {
	const draft = useDraft({ token: "" });
	const token = draft.values.value.token.trim();
	return (
		<Form
			class="auth-card"
			aria-labelledby="operator-sign-in-heading"
			send={() => signInOperator(token)}
			check={() => ({ token: token ? undefined : "is required" })}
			onSuccess={() => draft.set("token", "")}
			notice={signedOutBecause.value?.detail ?? null}
		>
			<h1 id="operator-sign-in-heading">Operator console</h1>
			<p class="lead">Sign in with the platform's operator token (the OPERATOR_TOKEN secret). It is kept in this tab only.</p>
			<Field
				id="token"
				label="Operator token"
				type="password"
				value={draft.values.value.token}
				onInput={(value) => draft.set("token", value)}
				autoComplete="current-password"
				verbatim
			/>
			<SubmitButton busyLabel="Signing in…">Sign in</SubmitButton>
		</Form>
	);
}
