/**
 * Sign-in on an agency's host, under the agency's name: email and password, then (for accounts with
 * two-step sign-in) a code or a passkey; or a passkey alone, without typing anything. On success
 * the session model flips the app to the signed-in pages.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Result } from "../api/request";
import { AuthLayout } from "../components/auth-layout";
import { useDraft } from "../components/form-kit/draft";
import { Form, SubmitButton } from "../components/form-kit/form";
import { Field } from "../components/form-kit/text-field";
import { Button, buttonClass } from "../components/kit/button";
import { MfaStep } from "../components/mfa-step";
import { useDocumentTitle } from "../components/use-document-title";
import { loadOfferedProviders, offeredProviders, PROVIDER_NAMES, refusalMessage, startUrl } from "../models/oauth";
import { passkeysSupported, signInWithPasskey } from "../models/passkeys";
import { type SignInOutcome, signIn, tenant } from "../models/session";
import { loadSsoOffered, ssoOffered, ssoRefusalMessage, ssoStartUrl } from "../models/sso";

export default function SignIn() {
	useDocumentTitle("Sign in");
	const draft = useDraft({ email: "", password: "" });
	const { query } = useLocation();
	const challenge = useSignal<Extract<SignInOutcome, { kind: "mfa" }> | null>(mfaFromFragment());
	// Messages from outside the form: a provider's or SSO's refusal on arrival, a passkey attempt.
	const notice = useSignal<string | null>(refusalMessage(query.oauth_error) ?? ssoRefusalMessage(query.sso_error));
	const passkeyBusy = useSignal(false);
	useEffect(() => {
		void loadOfferedProviders();
		void loadSsoOffered();
	}, []);
	const { email, password } = draft.values.value;

	const send = async (): Promise<Result<SignInOutcome>> => {
		notice.value = null;
		const result = await signIn(email.trim(), password);
		if (result.ok) return result;
		const { status, retryAfterSeconds } = result.problem;
		// The agency's SSO covers this address: say so, and offer the button.
		if (status === 403 && result.problem.title === "Sign in with single sign-on") {
			ssoOffered.value = true;
			return { ok: false, problem: { ...result.problem, detail: `${result.problem.detail} Use "Continue with SSO".` } };
		}
		// Wrong credentials: the password is what to type again.
		if (status === 401) draft.set("password", "");
		if (status === 429 && retryAfterSeconds) {
			return { ok: false, problem: { ...result.problem, detail: `Too many attempts, try again in ${retryAfterSeconds} seconds.` } };
		}
		return result;
	};

	const passkey = async () => {
		passkeyBusy.value = true;
		notice.value = null;
		const result = await signInWithPasskey();
		passkeyBusy.value = false;
		if (!result.ok) notice.value = result.problem.status === 401 ? "That passkey was not accepted here." : result.problem.detail;
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
			<h1 id="sign-in-heading">Sign in to {tenant.value?.name}</h1>
			<Form
				aria-labelledby="sign-in-heading"
				send={send}
				check={() => ({ email: email.trim() ? undefined : "is required", password: password ? undefined : "is required" })}
				onSuccess={(outcome) => {
					if (outcome.kind !== "mfa") return;
					draft.set("password", "");
					challenge.value = outcome;
				}}
				notice={notice.value}
				refocus="password"
			>
				<Field
					id="email"
					label="Email"
					type="email"
					autoComplete="username"
					verbatim
					value={email}
					onInput={(value) => draft.set("email", value)}
				/>
				<Field
					id="password"
					label="Password"
					type="password"
					autoComplete="current-password"
					value={password}
					onInput={(value) => draft.set("password", value)}
				/>
				<SubmitButton busyLabel="Signing in…">Sign in</SubmitButton>
			</Form>
			{passkeysSupported() && (
				<p>
					<Button onClick={passkey} loading={passkeyBusy.value}>
						Sign in with a passkey
					</Button>
				</p>
			)}
			{ssoOffered.value && (
				<p>
					<a class={buttonClass({ variant: "secondary" })} href={ssoStartUrl(query.next)}>
						Continue with SSO
					</a>
				</p>
			)}
			{offeredProviders.value.length > 0 && (
				<ul class="provider-list" aria-label="Other ways to sign in">
					{offeredProviders.value.map((provider) => (
						<li key={provider}>
							<a class={buttonClass({ variant: "secondary" })} href={startUrl(provider, query.next)}>
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
