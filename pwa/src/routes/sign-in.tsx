/**
 * Sign-in on an agency's host, under the agency's name: email and password, then (for accounts with
 * two-step sign-in) a code or a passkey; or a passkey alone, without typing anything. On success
 * the session model flips the app to the signed-in pages.
 */
import { useSignal } from "@preact/signals";
import { useMemo, useRef } from "preact/hooks";
import { AuthLayout } from "../components/auth-layout";
import { Field } from "../components/field";
import { focusFirstInvalid } from "../components/focus-first-invalid";
import { FormAlert } from "../components/form-alert";
import { MfaStep } from "../components/mfa-step";
import { useDocumentTitle } from "../components/use-document-title";
import { FormModel } from "../models/form";
import { passkeysSupported, signInWithPasskey } from "../models/passkeys";
import { type SignInOutcome, signIn, tenant } from "../models/session";

const LABELS = { email: "Email", password: "Password" };

export default function SignIn() {
	useDocumentTitle("Sign in");
	const form = useMemo(() => new FormModel({ email: "", password: "" }, LABELS), []);
	const formElement = useRef<HTMLFormElement>(null);
	const challenge = useSignal<Extract<SignInOutcome, { kind: "mfa" }> | null>(null);
	const { email, password } = form.values.value;

	const submit = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		const missing = { email: email.trim() ? undefined : "is required", password: password ? undefined : "is required" };
		if (!form.accept(missing)) return focusFirstInvalid(formElement.current);
		form.begin();
		const result = await signIn(email.trim(), password);
		if (result.ok) {
			form.busy.value = false;
			if (result.value.kind === "mfa") {
				form.set("password", "");
				challenge.value = result.value;
			}
			return;
		}
		const { status, retryAfterSeconds } = result.problem;
		// Wrong credentials: the password is what to type again.
		if (status === 401) form.set("password", "");
		form.fail(
			result.problem,
			status === 429 && retryAfterSeconds ? `Too many attempts, try again in ${retryAfterSeconds} seconds.` : undefined,
		);
		focusFirstInvalid(formElement.current, status === 401 ? "password" : undefined);
	};

	const passkey = async () => {
		if (form.busy.value) return;
		form.begin();
		const result = await signInWithPasskey();
		form.busy.value = false;
		if (!result.ok) form.fail(result.problem, result.problem.status === 401 ? "That passkey was not accepted here." : undefined);
	};

	if (challenge.value) {
		return (
			<AuthLayout>
				<MfaStep
					challenge={challenge.value.challenge}
					methods={challenge.value.methods}
					onRestart={() => {
						challenge.value = null;
					}}
				/>
			</AuthLayout>
		);
	}

	return (
		<AuthLayout>
			<h1>Sign in to {tenant.value?.name}</h1>
			<form ref={formElement} onSubmit={submit} noValidate>
				<FormAlert message={form.alert.value} />
				<Field
					id="email"
					label={LABELS.email}
					type="email"
					autoComplete="username"
					verbatim
					value={email}
					onInput={(value) => form.set("email", value)}
					error={form.errors.value.email}
				/>
				<Field
					id="password"
					label={LABELS.password}
					type="password"
					autoComplete="current-password"
					value={password}
					onInput={(value) => form.set("password", value)}
					error={form.errors.value.password}
				/>
				<button type="submit" class="button primary" aria-disabled={form.busy.value}>
					{form.busy.value ? "Signing in…" : "Sign in"}
				</button>
			</form>
			{passkeysSupported() && (
				<p>
					<button type="button" class="button secondary" onClick={passkey} aria-disabled={form.busy.value}>
						Sign in with a passkey
					</button>
				</p>
			)}
			<p>
				<a href="/reset-password">Forgot password?</a>
			</p>
		</AuthLayout>
	);
}
