/**
 * `/reset-password`: without a token, asks for the email and sends a link (same answer whether or
 * not the account exists); with `?token=…` (taken out of the address bar at once), sets a new password.
 */
import { useSignal } from "@preact/signals";
import { useMemo, useRef } from "preact/hooks";
import { AuthLayout } from "../components/auth-layout";
import { focusFirstInvalid } from "../components/form-kit/focus-first-invalid";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { completePasswordReset, requestPasswordReset, takeUrlToken } from "../models/account-links";
import { FormModel } from "../models/form";

function RequestForm() {
	const form = useMemo(() => new FormModel({ email: "" }, { email: "Email" }), []);
	const sent = useSignal(false);
	const formElement = useRef<HTMLFormElement>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		if (!form.accept({ email: form.values.value.email.trim() ? undefined : "is required" })) return focusFirstInvalid(formElement.current);
		form.begin();
		const result = await requestPasswordReset(form.values.value.email.trim());
		if (!result.ok) {
			form.fail(result.problem);
			return focusFirstInvalid(formElement.current);
		}
		form.busy.value = false;
		sent.value = true;
	};
	if (sent.value) {
		return (
			<>
				<h1>Check your email</h1>
				<p role="status">If an account uses this email, a link to choose a new password is on its way. It works for one hour.</p>
				<p>
					<a href="/signin">Back to sign-in</a>
				</p>
			</>
		);
	}
	return (
		<>
			<h1>Forgot your password?</h1>
			<p>Type your email and we will send you a link to choose a new one.</p>
			<form ref={formElement} onSubmit={submit} noValidate>
				<FormAlert message={form.alert.value} />
				<Field
					id="email"
					label="Email"
					type="email"
					autoComplete="username"
					verbatim
					value={form.values.value.email}
					onInput={(v) => form.set("email", v)}
					error={form.errors.value.email}
				/>
				<button type="submit" class="button primary" aria-disabled={form.busy.value}>
					{form.busy.value ? "Sending…" : "Send the link"}
				</button>
			</form>
			<p>
				<a href="/signin">Back to sign-in</a>
			</p>
		</>
	);
}

function CompleteForm({ token }: { token: string }) {
	const form = useMemo(() => new FormModel({ password: "" }, { password: "New password" }), []);
	const done = useSignal(false);
	const formElement = useRef<HTMLFormElement>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		const password = form.values.value.password;
		if (!form.accept({ password: password.length >= 10 ? undefined : "must be at least 10 characters" })) {
			return focusFirstInvalid(formElement.current);
		}
		form.begin();
		const result = await completePasswordReset(token, password);
		if (!result.ok) {
			form.fail(result.problem, result.problem.fields.token ? "This link has expired or was already used. Ask for a new one." : undefined);
			return focusFirstInvalid(formElement.current);
		}
		done.value = true;
	};
	if (done.value) {
		return (
			<>
				<h1>Password changed</h1>
				<p role="status">Your new password is set, and every session of your account was signed out.</p>
				<p>
					<a href="/signin">Sign in</a>
				</p>
			</>
		);
	}
	return (
		<>
			<h1>Choose a new password</h1>
			<form ref={formElement} onSubmit={submit} noValidate>
				<FormAlert message={form.alert.value} />
				<Field
					id="password"
					label="New password"
					type="password"
					autoComplete="new-password"
					hint="At least 10 characters; a few words make a good one."
					value={form.values.value.password}
					onInput={(v) => form.set("password", v)}
					error={form.errors.value.password}
				/>
				<button type="submit" class="button primary" aria-disabled={form.busy.value}>
					{form.busy.value ? "Saving…" : "Set new password"}
				</button>
			</form>
		</>
	);
}

export default function ResetPassword() {
	useDocumentTitle("Reset your password");
	// Read once, before the first render, and removed from the address bar.
	const token = useMemo(() => takeUrlToken(), []);
	return <AuthLayout>{token ? <CompleteForm token={token} /> : <RequestForm />}</AuthLayout>;
}
