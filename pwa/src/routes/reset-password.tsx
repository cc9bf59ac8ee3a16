/**
 * `/reset-password`: without a token, asks for the email and sends a link (same answer whether or
 * not the account exists); with `?token=…` (taken out of the address bar at once), sets a new password.
 */
import { useSignal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import { AuthLayout } from "../components/auth-layout";
import { useDraft } from "../components/form-kit/draft";
import { Form, SubmitButton } from "../components/form-kit/form";
import { Field } from "../components/form-kit/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { completePasswordReset, requestPasswordReset, takeUrlToken } from "../models/account-links";

function RequestForm() {
	const draft = useDraft({ email: "" });
	const sent = useSignal(false);
	const { email } = draft.values.value;
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
			<h1 id="reset-request-heading">Forgot your password?</h1>
			<p>Type your email and we will send you a link to choose a new one.</p>
			<Form
				aria-labelledby="reset-request-heading"
				send={() => requestPasswordReset(email.trim())}
				check={() => ({ email: email.trim() ? undefined : "is required" })}
				onSuccess={() => {
					sent.value = true;
				}}
			>
				<Field
					id="email"
					label="Email"
					type="email"
					autoComplete="username"
					verbatim
					value={email}
					onInput={(v) => draft.set("email", v)}
				/>
				<SubmitButton busyLabel="Sending…">Send the link</SubmitButton>
			</Form>
			<p>
				<a href="/signin">Back to sign-in</a>
			</p>
		</>
	);
}

function CompleteForm({ token }: { token: string }) {
	const draft = useDraft({ password: "" });
	const done = useSignal(false);
	const { password } = draft.values.value;
	const send = async () => {
		const result = await completePasswordReset(token, password);
		if (result.ok || !result.problem.fields.token) return result;
		return { ok: false as const, problem: { ...result.problem, detail: "This link has expired or was already used. Ask for a new one." } };
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
			<h1 id="reset-complete-heading">Choose a new password</h1>
			<Form
				aria-labelledby="reset-complete-heading"
				send={send}
				check={() => ({ password: password.length >= 10 ? undefined : "must be at least 10 characters" })}
				onSuccess={() => {
					done.value = true;
				}}
			>
				<Field
					id="password"
					label="New password"
					type="password"
					autoComplete="new-password"
					hint="At least 10 characters; a few words make a good one."
					value={password}
					onInput={(v) => draft.set("password", v)}
				/>
				<SubmitButton busyLabel="Saving…">Set new password</SubmitButton>
			</Form>
		</>
	);
}

export default function ResetPassword() {
	useDocumentTitle("Reset your password");
	// Read once, before the first render, and removed from the address bar.
	const token = useMemo(() => takeUrlToken(), []);
	return <AuthLayout>{token ? <CompleteForm token={token} /> : <RequestForm />}</AuthLayout>;
}
