/**
 * Account → Security: two-step sign-in with an authenticator app. Off: set it up (QR code or the
 * key typed by hand, then a code). On: turn it off or get new recovery codes, each with a fresh code.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { confirmTotp, disableTotp, loadMfa, mfa, regenerateRecoveryCodes, startTotpEnrolment } from "../../models/account-security";
import { siteName } from "../../models/brand";
import { me, tenant } from "../../models/session";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Skeleton } from "../skeleton";
import { RecoveryCodesView } from "./recovery-codes";

type Enrolment = { secret: string; qrSvg: string };

export function TotpSection() {
	const enrolment = useSignal<Enrolment | null>(null);
	const codes = useSignal<string[] | null>(null);
	const code = useSignal("");
	const error = useSignal<string | null>(null);
	const busy = useSignal(false);
	useEffect(() => {
		void loadMfa();
	}, []);

	const run = async (action: () => Promise<string | null>) => {
		if (busy.value) return;
		busy.value = true;
		error.value = await action();
		busy.value = false;
	};

	const start = () =>
		run(async () => {
			codes.value = null;
			const result = await startTotpEnrolment();
			if (!result.ok) return result.problem.detail;
			enrolment.value = { secret: result.value.secret, qrSvg: result.value.qrSvg };
			return null;
		});

	const confirm = (event: Event) => {
		event.preventDefault();
		return run(async () => {
			const result = await confirmTotp(code.value.trim());
			if (!result.ok) return result.problem.fields.code ? `The code ${result.problem.fields.code}.` : result.problem.detail;
			enrolment.value = null;
			code.value = "";
			codes.value = result.value;
			return null;
		});
	};

	const turnOff = (event: Event) => {
		event.preventDefault();
		return run(async () => {
			const value = code.value.trim();
			const result = await disableTotp(/^\d{6}$/.test(value) ? { code: value } : { recoveryCode: value });
			if (!result.ok)
				return Object.values(result.problem.fields)[0] ? "That code is not right, or was already used." : result.problem.detail;
			code.value = "";
			codes.value = null;
			return null;
		});
	};

	const newCodes = () =>
		run(async () => {
			const result = await regenerateRecoveryCodes(code.value.trim());
			if (!result.ok) return "Type a current code from your app first.";
			code.value = "";
			codes.value = result.value;
			return null;
		});

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
				<form onSubmit={turnOff} noValidate>
					<p>
						On: you sign in with a code from your authenticator app. {status.recoveryCodesLeft} recovery code
						{status.recoveryCodesLeft === 1 ? "" : "s"} left.
					</p>
					<Field
						id="mfaCode"
						label="Code from your app (or a recovery code)"
						autoComplete="one-time-code"
						verbatim
						value={code.value}
						onInput={(v) => {
							code.value = v;
						}}
					/>
					<button type="submit" class="button secondary" aria-disabled={busy.value}>
						Turn off two-step sign-in
					</button>{" "}
					<button type="button" class="button secondary" onClick={newCodes} aria-disabled={busy.value}>
						Get new recovery codes
					</button>
				</form>
			) : enrolment.value ? (
				<form onSubmit={confirm} noValidate>
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
						label="6-digit code from the app"
						autoComplete="one-time-code"
						verbatim
						maxLength={6}
						value={code.value}
						onInput={(v) => {
							code.value = v;
						}}
					/>
					<button type="submit" class="button primary" aria-disabled={busy.value}>
						Turn on
					</button>
				</form>
			) : (
				<>
					<p>Off. Add a code from an authenticator app to your password, so a stolen password is not enough.</p>
					<button type="button" class="button primary" onClick={start} aria-disabled={busy.value}>
						Set up an authenticator app
					</button>
				</>
			)}
		</section>
	);
}
