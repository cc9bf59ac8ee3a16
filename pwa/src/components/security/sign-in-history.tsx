/** Account → Security: the account's recent sign-ins, failed ones included, with "show more". */
import { useEffect } from "preact/hooks";
import type { SignInEventView } from "../../../../schema/dto/account-security";
import { formatDateTime } from "../../lib/date-format";
import { loadSignIns, signIns, signInsCursor } from "../../models/account-security";
import { byNumber, byText, DataTable } from "../kit/data-table";

const OUTCOMES: Record<SignInEventView["outcome"], string> = {
	success: "Signed in",
	invalid_credentials: "Wrong password",
	rate_limited: "Too many attempts",
	invalid_token: "Expired link",
	locked: "Refused: account locked",
	mfa_required: "Password right, code asked",
	invalid_code: "Wrong code",
};

function place(e: SignInEventView): string {
	return [e.place, e.ip].filter(Boolean).join(" · ") || "Unknown";
}

/** Pages come from the server newest first ("Show more" follows the cursor); a header sorts the loaded ones in the browser. */
export function SignInHistory() {
	useEffect(() => {
		void loadSignIns();
	}, []);
	const events = signIns.value;
	return (
		<section class="card" aria-labelledby="history-heading">
			<h2 id="history-heading">Recent sign-ins</h2>
			<DataTable
				caption="Your sign-in attempts, newest first"
				rows={events}
				rowKey={(e) => e.id}
				empty="No sign-ins yet."
				columns={[
					{ key: "when", header: "When", cell: (e) => formatDateTime(e.createdAt), sort: byNumber((e) => e.createdAt) },
					{ key: "outcome", header: "What happened", cell: (e) => OUTCOMES[e.outcome], sort: byText((e) => OUTCOMES[e.outcome]) },
					{ key: "device", header: "Device", cell: (e) => e.device.label, sort: byText((e) => e.device.label) },
					{ key: "from", header: "From", cell: place, sort: byText(place) },
				]}
				more={signInsCursor.value ? { onMore: () => void loadSignIns(true), loading: false, label: "Show more" } : null}
			/>
		</section>
	);
}
