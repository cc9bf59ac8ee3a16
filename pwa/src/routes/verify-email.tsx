/** `/verify-email?token=…`: confirms an email address (or a change of address) from the emailed link. */
import { TokenLinkPage } from "../components/token-link-page";
import { useDocumentTitle } from "../components/use-document-title";
import { verifyEmail } from "../models/account-links";
import { isSignedIn, refreshMe } from "../models/session";

export default function VerifyEmail() {
	useDocumentTitle("Confirm your email");
	return (
		<TokenLinkPage
			title="Confirm your email"
			working="Confirming your email…"
			success="Your email is confirmed."
			redeem={verifyEmail}
			onSuccess={() => {
				if (isSignedIn.value) void refreshMe();
			}}
		/>
	);
}
