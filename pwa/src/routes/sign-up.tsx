/** Agency sign-up on the platform host: creates the agency, then hands the owner over, signed in, to its own address. */
import { useSignal } from "@preact/signals";
import { useMemo, useRef } from "preact/hooks";
import { AuthLayout } from "../components/auth-layout";
import { focusFirstInvalid } from "../components/form-kit/focus-first-invalid";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { checkSignUp, portalAddress, SIGN_UP_LABELS, signUpAgency, slugFromName } from "../models/agency-sign-up";
import { FormModel } from "../models/form";
import { currentReferral, forgetReferral, landingTokenFor } from "../models/referral-link";

/** "try again in 10 minutes" rather than "in 600 seconds". */
function waitText(seconds: number): string {
	return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

export default function SignUp() {
	useDocumentTitle("Create your agency's portal");
	// A `?ref=` link (now or within the last 30 days on this browser) fills in the referral code.
	const referral = useMemo(() => currentReferral(), []);
	const form = useMemo(
		() =>
			new FormModel({ agencyName: "", slug: "", name: "", email: "", password: "", referralCode: referral?.code ?? "" }, SIGN_UP_LABELS),
		[referral],
	);
	// Until the user edits the address, it follows the agency's name.
	const slugEdited = useSignal(false);
	const formElement = useRef<HTMLFormElement>(null);
	const values = form.values.value;
	const errors = form.errors.value;

	const submit = async (event: Event) => {
		event.preventDefault();
		if (form.busy.value) return;
		if (!form.accept(checkSignUp(values))) return focusFirstInvalid(formElement.current);
		form.begin();
		const result = await signUpAgency(values, landingTokenFor(values.referralCode.trim().toUpperCase()));
		if (result.ok) {
			forgetReferral();
			// A full navigation: the agency's address is another origin, where /welcome signs the owner in.
			window.location.assign(result.value.handoffUrl);
			return;
		}
		const { status, retryAfterSeconds } = result.problem;
		form.fail(
			result.problem,
			status === 429 && retryAfterSeconds ? `Too many sign-ups from this address, try again in ${waitText(retryAfterSeconds)}.` : undefined,
		);
		focusFirstInvalid(formElement.current);
	};

	return (
		<AuthLayout>
			<h1>Create your agency's portal</h1>
			<p class="lead">Your clients get their projects, documents and messages in an app with your agency's name on it.</p>
			<form ref={formElement} onSubmit={submit} noValidate>
				<FormAlert message={form.alert.value} />
				<Field
					id="agencyName"
					label={SIGN_UP_LABELS.agencyName}
					autoComplete="organization"
					maxLength={100}
					value={values.agencyName}
					onInput={(value) => {
						form.set("agencyName", value);
						if (!slugEdited.value) form.set("slug", slugFromName(value));
					}}
					error={errors.agencyName}
				/>
				<Field
					id="slug"
					label={SIGN_UP_LABELS.slug}
					verbatim
					autoComplete="off"
					maxLength={32}
					value={values.slug}
					onInput={(value) => {
						slugEdited.value = true;
						form.set("slug", value);
					}}
					error={errors.slug}
					hint={`Your portal will be at ${portalAddress(values.slug)}. Lower-case letters, digits and hyphens.`}
				/>
				<Field
					id="name"
					label={SIGN_UP_LABELS.name}
					autoComplete="name"
					maxLength={100}
					value={values.name}
					onInput={(value) => form.set("name", value)}
					error={errors.name}
				/>
				<Field
					id="email"
					label={SIGN_UP_LABELS.email}
					type="email"
					autoComplete="email"
					verbatim
					value={values.email}
					onInput={(value) => form.set("email", value)}
					error={errors.email}
				/>
				<Field
					id="password"
					label={SIGN_UP_LABELS.password}
					type="password"
					autoComplete="new-password"
					value={values.password}
					onInput={(value) => form.set("password", value)}
					error={errors.password}
					hint="At least 10 characters. A few words you will remember make a strong password."
				/>
				<Field
					id="referralCode"
					label={SIGN_UP_LABELS.referralCode}
					verbatim
					autoComplete="off"
					maxLength={16}
					value={values.referralCode}
					onInput={(value) => form.set("referralCode", value)}
					error={errors.referralCode}
					hint={referral ? "From the link that brought you here: your first subscription gets the referral discount." : undefined}
				/>
				<button type="submit" class="button primary" aria-disabled={form.busy.value}>
					{form.busy.value ? "Creating your agency…" : "Create agency"}
				</button>
			</form>
			<details class="aside">
				<summary>Already have an agency? Sign in at your agency's address</summary>
				<p>
					Each agency has its own address, such as <strong>{portalAddress("your-agency")}</strong>. Open it and sign in there: you will find
					it in your welcome email.
				</p>
			</details>
		</AuthLayout>
	);
}
