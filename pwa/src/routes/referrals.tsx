/** The Referrals page (owner: billing:manage): the agency's code and link to share, the terms, and who signed up, paid and earned credits. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { Button } from "../components/kit/button";
import { byNumber, byText, DataTable } from "../components/kit/data-table";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDate } from "../lib/date-format";
import { loadReferrals, referrals, referralsProblem } from "../models/referrals";

const number = new Intl.NumberFormat();

function ShareLink({ link, code }: { link: string; code: string }) {
	const copied = useSignal(false);
	return (
		<section class="card" aria-labelledby="share-heading">
			<h2 id="share-heading">Your referral link</h2>
			<Field id="referral-link" label="Link to share" readOnly required={false} verbatim value={link} onInput={() => {}} />
			<p>
				Or give your code: <strong data-testid="referral-code">{code}</strong>
			</p>
			<Button
				variant="primary"
				onClick={async () => {
					await navigator.clipboard?.writeText(link);
					copied.value = true;
				}}
			>
				Copy link
			</Button>
			<p role="status">{copied.value ? "Copied." : ""}</p>
		</section>
	);
}

export default function Referrals() {
	useDocumentTitle("Referrals");
	useEffect(() => {
		void loadReferrals();
	}, []);
	const r = referrals.value;
	return (
		<>
			<h1>Referrals</h1>
			<p>
				<a href="/billing">Back to Billing</a>
			</p>
			<FormAlert message={referralsProblem.value?.detail ?? null} />
			{!r ? (
				<div class="skeleton skeleton-line" />
			) : (
				<>
					<ShareLink link={r.link} code={r.code} />
					<section class="card" aria-labelledby="terms-heading">
						<h2 id="terms-heading">How it works</h2>
						<p>
							An agency that signs up within {r.windowDays} days of opening your link (or types your code) gets {r.discountPercent}% off its
							first payment. When it pays its first invoice, you get {number.format(r.rewardCredits)} AI credits.
						</p>
					</section>
					<section class="card" aria-labelledby="results-heading">
						<h2 id="results-heading">Results</h2>
						<dl class="stats">
							<div>
								<dt>Sign-ups</dt>
								<dd data-testid="referral-sign-ups">{number.format(r.signUps)}</dd>
							</div>
							<div>
								<dt>Paying agencies</dt>
								<dd>{number.format(r.conversions)}</dd>
							</div>
							<div>
								<dt>Credits earned</dt>
								<dd>{number.format(r.creditsEarned)}</dd>
							</div>
						</dl>
						<DataTable
							caption="Agencies you referred"
							rows={r.referrals}
							rowKey={(row) => `${row.agencyName}-${row.signedUpAt}`}
							empty="No one has signed up with your link yet."
							columns={[
								{ key: "agency", header: "Agency", cell: (row) => row.agencyName, sort: byText((row) => row.agencyName) },
								{
									key: "signed-up",
									header: "Signed up",
									cell: (row) => formatDate(row.signedUpAt),
									sort: byNumber((row) => row.signedUpAt),
								},
								{
									key: "paid",
									header: "First payment",
									cell: (row) => (row.convertedAt ? formatDate(row.convertedAt) : "Not yet"),
									sort: byNumber((row) => row.convertedAt ?? 0),
								},
								{
									key: "reward",
									header: "Your reward",
									cell: (row) => (row.rewardCredits ? `${number.format(row.rewardCredits)} credits` : "—"),
									sort: byNumber((row) => row.rewardCredits ?? 0),
								},
							]}
						/>
					</section>
				</>
			)}
		</>
	);
}
