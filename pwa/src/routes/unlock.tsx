/** `/unlock?token=…`: ends a sign-in lockout early with the emailed single-use link. */
import { TokenLinkPage } from "../components/token-link-page";
import { useDocumentTitle } from "../components/use-document-title";
import { unlockAccount } from "../models/account-links";

export default function Unlock() {
	useDocumentTitle("Unlock your account");
	return (
		<TokenLinkPage
			title="Unlock your account"
			working="Unlocking your account…"
			success="Your account is unlocked. You can sign in again."
			redeem={unlockAccount}
		/>
	);
}
