/** Sign-in on an agency's host, under the agency's name. Returns to the page the user wanted. */
import { useSignal } from "@preact/signals";
import { useLocation } from "preact-iso";
import type { FieldErrors } from "../api/problem";
import { Field } from "../components/field";
import { FormAlert } from "../components/form-alert";
import { safeNext } from "../lib/safe-next";
import { signIn, tenant } from "../models/session";

export default function SignIn() {
	const location = useLocation();
	const email = useSignal("");
	const password = useSignal("");
	const errors = useSignal<FieldErrors>({});
	const alert = useSignal<string | null>(null);
	const busy = useSignal(false);

	const submit = async (event: Event) => {
		event.preventDefault();
		busy.value = true;
		alert.value = null;
		const result = await signIn(email.value.trim(), password.value);
		busy.value = false;
		if (result.ok) {
			location.route(safeNext(location.query.next), true);
			return;
		}
		errors.value = result.problem.fields;
		alert.value =
			result.problem.status === 429 && result.problem.retryAfterSeconds
				? `Too many attempts. Try again in ${result.problem.retryAfterSeconds} seconds.`
				: result.problem.detail;
	};

	return (
		<main id="main" class="auth-page">
			<div class="auth-card">
				<p class="eyebrow">{tenant.value?.name}</p>
				<h1>Sign in</h1>
				<form onSubmit={submit} noValidate>
					<FormAlert message={alert.value} />
					<Field
						id="email"
						label="Email"
						type="email"
						autoComplete="username"
						value={email.value}
						onInput={(e: Event) => {
							email.value = (e.currentTarget as HTMLInputElement).value;
						}}
						error={errors.value.email}
						required
					/>
					<Field
						id="password"
						label="Password"
						type="password"
						autoComplete="current-password"
						value={password.value}
						onInput={(e: Event) => {
							password.value = (e.currentTarget as HTMLInputElement).value;
						}}
						error={errors.value.password}
						required
					/>
					<button type="submit" class="button primary" disabled={busy.value}>
						{busy.value ? "Signing in…" : "Sign in"}
					</button>
				</form>
			</div>
		</main>
	);
}
