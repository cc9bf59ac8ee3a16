/**
 * Sign-in on an agency's host, under the agency's name: email and password, then (for accounts with
 * two-step sign-in) a code or a passkey; or a passkey alone, without typing anything. On success
 * the session model flips the app to the signed-in pages.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { AuthLayout } from "../components/auth-layout";
import { focusFirstInvalid } from "../components/form-kit/focus-first-invalid";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { MfaStep } from "../components/mfa-step";
import { useDocumentTitle } from "../components/use-document-title";
import { FormModel } from "../models/form";
import { loadOfferedProviders, offeredProviders, PROVIDER_NAMES, refusalMessage, startUrl } from "../models/oauth";
import { passkeysSupported, signInWithPasskey } from "../models/passkeys";
import { type SignInOutcome, signIn, tenant } from "../models/session";
import { loadSsoOffered, ssoOffered, ssoRefusalMessage, ssoStartUrl } from "../models/sso";

const LABELS = { email: "Email", password: "Password" };

export default function SignIn() {
	useDocumentTitle("Sign in");
	const form = useMemo(() => new FormModel({ email: "", password: "" }, LABELS), []);
	const formElement = useRef<HTMLFormElement>(null);
	const { query } = useLocation();
	const challenge = useSignal<Extract<SignInOutcome, { kind: "mfa" }> | null>(mfaFromFragment());
	useEffect(() => {
		void loadOfferedProviders();
		void loadSsoOffered();
		const refusal = refusalMessage(query.oauth_error) ?? ssoRefusalMessage(query.sso_error);
		if (refusal) form.alert.value = refusal;
	}, []);
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
		// The agency's SSO covers this address: say so, and offer the button.
		if (status === 403 && result.problem.title === "Sign in with single sign-on") {
			ssoOffered.value = true;
			form.fail(result.problem, `${result.problem.detail} Use "Continue with SSO".`);
			return;
		}
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
			{ssoOffered.value && (
				<p>
					<a class="button secondary" href={ssoStartUrl(query.next)}>
						Continue with SSO
					</a>
				</p>
			)}
			{offeredProviders.value.length > 0 && (
				<ul class="provider-list" aria-label="Other ways to sign in">
					{offeredProviders.value.map((provider) => (
						<li key={provider}>
							<a class="button secondary" href={startUrl(provider, query.next)}>
								Continue with {PROVIDER_NAMES[provider]}
							</a>
						</li>
					))}
				</ul>
			)}
			<p>
				<a href="/reset-password">Forgot password?</a>
			</p>
		</AuthLayout>
	);
}

/**
 * A provider sign-in of an account with two-step sign-in lands on `/signin#mfa=<challenge>&methods=…`:
 * the challenge travels in the fragment (never sent to servers) and is removed from the address bar.
 */
function mfaFromFragment(): Extract<SignInOutcome, { kind: "mfa" }> | null {
	const params = new URLSearchParams(window.location.hash.slice(1));
	const challenge = params.get("mfa");
	if (!challenge) return null;
	history.replaceState(history.state, "", window.location.pathname + window.location.search);
	const known = ["totp", "recovery_code", "passkey"] as const;
	const methods = (params.get("methods") ?? "").split(",").flatMap((m) => known.filter((k) => k === m));
	return { kind: "mfa", challenge, methods: methods.length > 0 ? methods : ["totp", "recovery_code"] };
}
