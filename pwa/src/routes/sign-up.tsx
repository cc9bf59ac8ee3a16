/** Agency sign-up on the platform host: creates the agency, then hands the owner over, signed in, to its own address. */
import { useSignal } from "@preact/signals";
import { useMemo } from "preact/hooks";
import type { SignupResponse } from "../../../schema/dto/auth";
import type { Result } from "../api/request";
import { AuthLayout } from "../components/auth-layout";
import { useDraft } from "../components/form-kit/draft";
import { Form, SubmitButton } from "../components/form-kit/form";
import { Field } from "../components/form-kit/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { checkSignUp, portalAddress, SIGN_UP_LABELS, signUpAgency, slugFromName } from "../models/agency-sign-up";
import { currentReferral, forgetReferral, landingTokenFor } from "../models/referral-link";

/** "try again in 10 minutes" rather than "in 600 seconds". */
function waitText(seconds: number): string {
	return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

export default function SignUp() {
	useDocumentTitle("Create your agency's portal");
	// A `?ref=` link (now or within the last 30 days on this browser) fills in the referral code.
	const referral = useMemo(() => currentReferral(), []);
	const draft = useDraft({ agencyName: "", slug: "", name: "", email: "", password: "", referralCode: referral?.code ?? "" });
	// Until the user edits the address, it follows the agency's name.
	const slugEdited = useSignal(false);
	const values = draft.values.value;

	const send = async (): Promise<Result<SignupResponse>> => {
		const result = await signUpAgency(values, landingTokenFor(values.referralCode.trim().toUpperCase()));
		if (result.ok) return result;
		const { status, retryAfterSeconds } = result.problem;
		if (status === 429 && retryAfterSeconds) {
			return {
				ok: false,
				problem: { ...result.problem, detail: `Too many sign-ups from this address, try again in ${waitText(retryAfterSeconds)}.` },
			};
		}
		return result;
	};

	return (
		<AuthLayout>
			<h1 id="sign-up-heading">Create your agency's portal</h1>
			<p class="lead">Your clients get their projects, documents and messages in an app with your agency's name on it.</p>
			<Form
				aria-labelledby="sign-up-heading"
				send={send}
				check={() => checkSignUp(values)}
				onSuccess={(created) => {
					forgetReferral();
					// A full navigation: the agency's address is another origin, where /welcome signs the owner in.
					window.location.assign(created.handoffUrl);
				}}
			>
				<Field
					id="agencyName"
					label={SIGN_UP_LABELS.agencyName}
					autoComplete="organization"
					maxLength={100}
					value={values.agencyName}
					onInput={(value) => {
						draft.set("agencyName", value);
						if (!slugEdited.value) draft.set("slug", slugFromName(value));
					}}
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
						draft.set("slug", value);
					}}
					hint={`Your portal will be at ${portalAddress(values.slug)}. Lower-case letters, digits and hyphens.`}
				/>
				<Field
					id="name"
					label={SIGN_UP_LABELS.name}
					autoComplete="name"
					maxLength={100}
					value={values.name}
					onInput={(value) => draft.set("name", value)}
				/>
				<Field
					id="email"
					label={SIGN_UP_LABELS.email}
					type="email"
					autoComplete="email"
					verbatim
					value={values.email}
					onInput={(value) => draft.set("email", value)}
				/>
				<Field
					id="password"
					label={SIGN_UP_LABELS.password}
					type="password"
					autoComplete="new-password"
					value={values.password}
					onInput={(value) => draft.set("password", value)}
					hint="At least 10 characters. A few words you will remember make a strong password."
				/>
				<Field
					id="referralCode"
					label={SIGN_UP_LABELS.referralCode}
					verbatim
					autoComplete="off"
					required={false}
					maxLength={16}
					value={values.referralCode}
					onInput={(value) => draft.set("referralCode", value)}
					hint={referral ? "From the link that brought you here: your first subscription gets the referral discount." : undefined}
				/>
				<SubmitButton busyLabel="Creating your agency…">Create agency</SubmitButton>
			</Form>
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
