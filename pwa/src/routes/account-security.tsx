/** Account → Security: email, password, passkeys, linked providers, two-step sign-in, sessions and recent sign-ins. */
import { EmailSection } from "../components/security/email-section";
import { LinkedAccountsSection } from "../components/security/linked-accounts-section";
import { PasskeysSection } from "../components/security/passkeys-section";
import { PasswordSection } from "../components/security/password-section";
import { SessionsSection } from "../components/security/sessions-section";
import { SignInHistory } from "../components/security/sign-in-history";
import { TotpSection } from "../components/security/totp-section";
import { useDocumentTitle } from "../components/use-document-title";
import { me } from "../models/session";

export default function AccountSecurity() {
	useDocumentTitle("Security");
	const setupOnly = me.value?.mfaSetupRequired ?? false;
	return (
		<>
			<h1>Security</h1>
			<p>
				<a href="/account">Back to your account</a>
			</p>
			<TotpSection />
			{setupOnly && <PasskeysSection />}
			{!setupOnly && (
				<>
					<EmailSection />
					<PasswordSection />
					<PasskeysSection />
					<LinkedAccountsSection />
					<SessionsSection />
					<SignInHistory />
				</>
			)}
		</>
	);
}
