/**
 * The platform operator's console on the platform host (/operator): sign in with the operator token,
 * then agencies and their invoices (with refunds), coupons and flash sales, and dead jobs. One live region
 * reads out what each action did.
 */
import { useEffect } from "preact/hooks";
import { AgenciesSection } from "../components/operator/agencies-section";
import { CouponForm } from "../components/operator/coupon-form";
import { CouponsSection } from "../components/operator/coupons-section";
import { DeadJobsSection } from "../components/operator/dead-jobs-section";
import { InvoicesSection } from "../components/operator/invoices-section";
import { OperatorSignIn } from "../components/operator/operator-sign-in";
import { useDocumentTitle } from "../components/use-document-title";
import { operatorDeadJobs } from "../models/dead-jobs";
import { forgetAgencies } from "../models/operator-agencies";
import { coupons } from "../models/operator-coupons";
import { isOperatorSignedIn, operatorAnnouncement, signOutOperator } from "../models/operator-session";

function signOut(): void {
	signOutOperator();
	operatorAnnouncement.value = "";
}

export default function Operator() {
	useDocumentTitle("Operator console");
	const signedIn = isOperatorSignedIn.value;
	useEffect(() => {
		// Signed out here or by a rejected token: nothing loaded with the old token stays on screen.
		if (signedIn) return;
		forgetAgencies();
		coupons.value = null;
		operatorDeadJobs.forget();
	}, [signedIn]);
	return (
		<>
			<header class="auth-header operator-header">
				<img src="/favicon.svg" alt="" width={32} height={32} />
				<span>Atrium operator</span>
				{signedIn && (
					<button type="button" class="button small secondary" onClick={signOut}>
						Sign out
					</button>
				)}
			</header>
			<main id="main" class={signedIn ? "operator-page" : "auth-page"}>
				{signedIn ? (
					<>
						<h1>Operator console</h1>
						<p role="status" class="operator-result">
							{operatorAnnouncement.value}
						</p>
						<AgenciesSection />
						<InvoicesSection />
						<CouponsSection />
						<CouponForm />
						<DeadJobsSection />
					</>
				) : (
					<OperatorSignIn />
				)}
			</main>
		</>
	);
}
