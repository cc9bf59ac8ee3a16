/** Account → Security: the account's recent sign-ins, failed ones included, with "show more". */
import { useEffect } from "preact/hooks";
import type { SignInEventView } from "../../../../schema/dto/account-security";
import { formatDateTime } from "../../lib/date-format";
import { loadSignIns, signIns, signInsCursor } from "../../models/account-security";
import { Skeleton } from "../skeleton";

const OUTCOMES: Record<SignInEventView["outcome"], string> = {
	success: "Signed in",
	invalid_credentials: "Wrong password",
	rate_limited: "Too many attempts",
	invalid_token: "Expired link",
	locked: "Refused: account locked",
	mfa_required: "Password right, code asked",
	invalid_code: "Wrong code",
};

export function SignInHistory() {
	useEffect(() => {
		void loadSignIns();
	}, []);
	const events = signIns.value;
	return (
		<section class="card" aria-labelledby="history-heading">
			<h2 id="history-heading">Recent sign-ins</h2>
			{events === null ? (
				<Skeleton />
			) : (
				<table>
					<caption class="visually-hidden">Your sign-in attempts, newest first</caption>
					<thead>
						<tr>
							<th scope="col">When</th>
							<th scope="col">What happened</th>
							<th scope="col">Device</th>
							<th scope="col">From</th>
						</tr>
					</thead>
					<tbody>
						{events.map((e) => (
							<tr key={e.id}>
								<td>{formatDateTime(e.createdAt)}</td>
								<td>{OUTCOMES[e.outcome]}</td>
								<td>{e.device.label}</td>
								<td>{[e.place, e.ip].filter(Boolean).join(" · ") || "Unknown"}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{signInsCursor.value && (
				<button type="button" class="button secondary" onClick={() => loadSignIns(true)}>
					Show more
				</button>
			)}
		</section>
	);
}
