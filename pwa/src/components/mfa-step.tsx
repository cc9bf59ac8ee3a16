/** The second sign-in step: a code from the authenticator app, one of the recovery codes, or a passkey. */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { secondFactorWithPasskey } from "../models/passkeys";
import { type SignInOutcome, signInWithSecondFactor } from "../models/session";
import { useDraft } from "./form-kit/draft";
import { Form, SubmitButton } from "./form-kit/form";
import { FormAlert } from "./form-kit/form-alert";
import { Field } from "./form-kit/text-field";
import { Button } from "./kit/button";

type Methods = Extract<SignInOutcome, { kind: "mfa" }>["methods"];

export function MfaStep({ challenge, methods, onRestart }: { challenge: string; methods: Methods; onRestart: () => void }) {
	const useRecovery = useSignal(false);
	const draft = useDraft({ code: "" });
	// A passkey attempt's message (the code form has its own).
	const notice = useSignal<string | null>(null);
	const passkeyBusy = useSignal(false);
	const heading = useRef<HTMLHeadingElement>(null);
	useEffect(() => heading.current?.focus(), []);
	const code = draft.values.value.code.trim();
	const name = useRecovery.value ? "recoveryCode" : "code";

	const send = async () => {
		notice.value = null;
		const result = await signInWithSecondFactor(challenge, useRecovery.value ? { recoveryCode: code } : { code });
		if (result.ok) return result;
		const { status, fields } = result.problem;
		if (status === 401 && !fields.code && !fields.recoveryCode) {
			return {
				ok: false as const,
				problem: { ...result.problem, detail: "This sign-in has expired. Start again with your email and password." },
			};
		}
		draft.set("code", "");
		if (status === 429) return result;
		const message = useRecovery.value
			? "That recovery code is not right or was already used."
			: "That code is not right. Wait for a new one and try again.";
		return { ok: false as const, problem: { ...result.problem, fields: { [name]: message } } };
	};

	const usePasskey = async () => {
		passkeyBusy.value = true;
		notice.value = null;
		const result = await secondFactorWithPasskey(challenge);
		passkeyBusy.value = false;
		if (!result.ok) notice.value = result.problem.status === 401 ? "That passkey was not accepted. Try again." : result.problem.detail;
	};

	if (!methods.includes("totp")) {
		// The agency requires a second factor and the account's is a passkey (no authenticator app).
		return (
			<>
				<h1 tabIndex={-1} ref={heading}>
					Two-step sign-in
				</h1>
				<FormAlert message={notice.value} />
				<p>Your agency asks for a second step. Confirm it with your passkey.</p>
				<p>
					<Button variant="primary" block={false} onClick={usePasskey} loading={passkeyBusy.value}>
						{passkeyBusy.value ? "Checking…" : "Use your passkey"}
					</Button>{" "}
					<Button size="small" onClick={onRestart}>
						Start again
					</Button>
				</p>
			</>
		);
	}

	return (
		<>
			<h1 id="mfa-heading" tabIndex={-1} ref={heading}>
				Two-step sign-in
			</h1>
			{/* A new form for each kind of code: the other kind's messages do not carry over. */}
			<Form
				key={name}
				aria-labelledby="mfa-heading"
				send={send}
				check={() => ({ [name]: code ? undefined : "Type the code first." })}
				notice={notice.value}
			>
				<Field
					id={name}
					label={useRecovery.value ? "Recovery code" : "6-digit code from your authenticator app"}
					autoComplete="one-time-code"
					verbatim
					value={draft.values.value.code}
					onInput={(v) => draft.set("code", v)}
				/>
				<SubmitButton busyLabel="Checking…">Continue</SubmitButton>
			</Form>
			{methods.includes("passkey") && (
				<p>
					<Button onClick={usePasskey} loading={passkeyBusy.value}>
						Use a passkey instead
					</Button>
				</p>
			)}
			<p>
				<Button
					size="small"
					onClick={() => {
						useRecovery.value = !useRecovery.value;
						draft.set("code", "");
					}}
				>
					{useRecovery.value ? "Use a code from the app instead" : "Use a recovery code instead"}
				</Button>{" "}
				<Button size="small" onClick={onRestart}>
					Start again
				</Button>
			</p>
		</>
	);
}
