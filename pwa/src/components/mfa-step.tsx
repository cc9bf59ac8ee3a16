/** The second sign-in step: a code from the authenticator app, one of the recovery codes, or a passkey. */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { secondFactorWithPasskey } from "../models/passkeys";
import { type SignInOutcome, signInWithSecondFactor } from "../models/session";
import { FormAlert } from "./form-kit/form-alert";
import { Field } from "./form-kit/text-field";

type Methods = Extract<SignInOutcome, { kind: "mfa" }>["methods"];

export function MfaStep({ challenge, methods, onRestart }: { challenge: string; methods: Methods; onRestart: () => void }) {
	const useRecovery = useSignal(false);
	const code = useSignal("");
	const error = useSignal<string | undefined>(undefined);
	const alert = useSignal<string | null>(null);
	const busy = useSignal(false);
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => heading.current?.focus(), []);

	const submit = async (event: Event) => {
		event.preventDefault();
		if (busy.value) return;
		const value = code.value.trim();
		if (!value) {
			error.value = "Type the code first.";
			return;
		}
		busy.value = true;
		alert.value = null;
		const result = await signInWithSecondFactor(challenge, useRecovery.value ? { recoveryCode: value } : { code: value });
		busy.value = false;
		if (result.ok) return;
		if (result.problem.status === 401 && !result.problem.fields.code && !result.problem.fields.recoveryCode) {
			alert.value = "This sign-in has expired. Start again with your email and password.";
			return;
		}
		code.value = "";
		error.value = useRecovery.value
			? "That recovery code is not right or was already used."
			: "That code is not right. Wait for a new one and try again.";
		alert.value = result.problem.status === 429 ? result.problem.detail : error.value;
	};

	const usePasskey = async () => {
		if (busy.value) return;
		busy.value = true;
		alert.value = null;
		const result = await secondFactorWithPasskey(challenge);
		busy.value = false;
		if (!result.ok) alert.value = result.problem.status === 401 ? "That passkey was not accepted. Try again." : result.problem.detail;
	};

	if (!methods.includes("totp")) {
		// The agency requires a second factor and the account's is a passkey (no authenticator app).
		return (
			<>
				<h1 tabIndex={-1} ref={heading}>
					Two-step sign-in
				</h1>
				<FormAlert message={alert.value} />
				<p>Your agency asks for a second step. Confirm it with your passkey.</p>
				<p>
					<button type="button" class="button primary" onClick={usePasskey} aria-disabled={busy.value}>
						{busy.value ? "Checking…" : "Use your passkey"}
					</button>{" "}
					<button type="button" class="button small secondary" onClick={onRestart}>
						Start again
					</button>
				</p>
			</>
		);
	}

	return (
		<>
			<h1 tabIndex={-1} ref={heading}>
				Two-step sign-in
			</h1>
			<form onSubmit={submit} noValidate>
				<FormAlert message={alert.value} />
				<Field
					id={useRecovery.value ? "recoveryCode" : "code"}
					label={useRecovery.value ? "Recovery code" : "6-digit code from your authenticator app"}
					autoComplete="one-time-code"
					verbatim
					value={code.value}
					onInput={(v) => {
						code.value = v;
						error.value = undefined;
					}}
					error={error.value}
				/>
				<button type="submit" class="button primary" aria-disabled={busy.value}>
					{busy.value ? "Checking…" : "Continue"}
				</button>
			</form>
			{methods.includes("passkey") && (
				<p>
					<button type="button" class="button secondary" onClick={usePasskey} aria-disabled={busy.value}>
						Use a passkey instead
					</button>
				</p>
			)}
			<p>
				<button
					type="button"
					class="button small secondary"
					onClick={() => {
						useRecovery.value = !useRecovery.value;
						code.value = "";
						error.value = undefined;
					}}
				>
					{useRecovery.value ? "Use a code from the app instead" : "Use a recovery code instead"}
				</button>{" "}
				<button type="button" class="button small secondary" onClick={onRestart}>
					Start again
				</button>
			</p>
		</>
	);
}
