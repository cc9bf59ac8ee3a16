/**
 * Account → Security: two-step sign-in with an authenticator app. Off: set it up (QR code or the
 * key typed by hand, then a code). On: turn it off or get new recovery codes, each with a fresh code.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Result } from "../../api/request";
import { confirmTotp, disableTotp, loadMfa, mfa, regenerateRecoveryCodes, startTotpEnrolment } from "../../models/account-security";
import { siteName } from "../../models/brand";
import { me, tenant } from "../../models/session";
import { useDraft } from "../form-kit/draft";
import { Form, SubmitButton } from "../form-kit/form";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";
import { Skeleton } from "../skeleton";
import { RecoveryCodesView } from "./recovery-codes";

type Enrolment = { secret: string; qrSvg: string };

/** A refusal naming any factor field (`code` or `recoveryCode`) becomes one message on the form's code field. */
function onCodeField<T>(result: Result<T>, message: string): Result<T> {
	if (result.ok || Object.keys(result.problem.fields).length === 0) return result;
	return { ok: false, problem: { ...result.problem, fields: { code: message } } };
}

export function TotpSection() {
	const enrolment = useSignal<Enrolment | null>(null);
	const codes = useSignal<string[] | null>(null);
	const draft = useDraft({ code: "" });
	// Failures of the actions outside a form's send (starting, new recovery codes).
	const error = useSignal<string | null>(null);
	const busy = useSignal(false);
	useEffect(() => {
		void loadMfa();
	}, []);
	const code = draft.values.value.code.trim();
	const required = () => ({ code: code ? undefined : "is required" });

	const start = async () => {
		busy.value = true;
		codes.value = null;
		const result = await startTotpEnrolment();
		busy.value = false;
		error.value = result.ok ? null : result.problem.detail;
		if (result.ok) enrolment.value = { secret: result.value.secret, qrSvg: result.value.qrSvg };
	};

	const newCodes = async () => {
		busy.value = true;
		const result = await regenerateRecoveryCodes(code);
		busy.value = false;
		error.value = result.ok ? null : "Type a current code from your app first.";
		if (!result.ok) return;
		draft.set("code", "");
		codes.value = result.value;
	};

	const status = mfa.value;
	return (
		<section class="card" aria-labelledby="totp-heading">
			<h2 id="totp-heading">Two-step sign-in</h2>
			{me.value?.mfaSetupRequired && (
				<p class="notice" role="note">
					{tenant.value?.name} asks you to set this up, or add a passkey, before you continue.
				</p>
			)}
			<FormAlert message={error.value} />
			{codes.value && <RecoveryCodesView codes={codes.value} agency={siteName.value ?? ""} />}
			{status === null ? (
				<Skeleton />
			) : status.totpEnabled ? (
				<Form
					aria-label="Turn off two-step sign-in"
					check={required}
					send={async () => {
						error.value = null;
						const factor = /^\d{6}$/.test(code) ? { code } : { recoveryCode: code };
						return onCodeField(await disableTotp(factor), "That code is not right, or was already used.");
					}}
					onSuccess={() => {
						draft.set("code", "");
						codes.value = null;
					}}
				>
					<p>
						On: you sign in with a code from your authenticator app. {status.recoveryCodesLeft} recovery code
						{status.recoveryCodesLeft === 1 ? "" : "s"} left.
					</p>
					<Field
						id="mfaCode"
						name="code"
						label="Code from your app (or a recovery code)"
						autoComplete="one-time-code"
						verbatim
						value={draft.values.value.code}
						onInput={(v) => draft.set("code", v)}
					/>
					<div class="button-row">
						<SubmitButton variant="secondary" busyLabel="Turning off…">
							Turn off two-step sign-in
						</SubmitButton>
						<Button onClick={newCodes} loading={busy.value}>
							Get new recovery codes
						</Button>
					</div>
				</Form>
			) : enrolment.value ? (
				<Form
					aria-label="Turn on two-step sign-in"
					check={required}
					send={() => {
						error.value = null;
						return confirmTotp(code);
					}}
					onSuccess={(recoveryCodes) => {
						enrolment.value = null;
						draft.set("code", "");
						codes.value = recoveryCodes;
					}}
				>
					<p>Scan this code with an authenticator app, or type the key into it.</p>
					{/* The SVG comes from our API (uqr), not from user input. */}
					<div
						class="qr-code"
						role="img"
						aria-label="QR code for your authenticator app"
						dangerouslySetInnerHTML={{ __html: enrolment.value.qrSvg }}
					/>
					<p>
						Key: <code data-testid="totp-secret">{enrolment.value.secret}</code>
					</p>
					<Field
						id="totpCode"
						name="code"
						label="6-digit code from the app"
						autoComplete="one-time-code"
						verbatim
						maxLength={6}
						value={draft.values.value.code}
						onInput={(v) => draft.set("code", v)}
					/>
					<SubmitButton busyLabel="Checking…">Turn on</SubmitButton>
				</Form>
			) : (
				<>
					<p>Off. Add a code from an authenticator app to your password, so a stolen password is not enough.</p>
					<Button variant="primary" onClick={start} loading={busy.value}>
						Set up an authenticator app
					</Button>
				</>
			)}
		</section>
	);
}
