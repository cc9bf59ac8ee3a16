/** The dunning banner for owners and admins: shown in the app frame while a payment is failing or access is reduced. */
import { useEffect } from "preact/hooks";
import { loadEntitlements, paymentBanner } from "../models/billing";
import { can } from "../models/session";

export function PaymentBanner() {
	const isAdmin = can("tenant:manage");
	useEffect(() => {
		if (isAdmin) void loadEntitlements();
	}, [isAdmin]);
	if (!isAdmin || !paymentBanner.value) return null;
	const canPay = can("billing:manage");
	return (
		<div class="notice-bar payment-banner" role="status">
			{paymentBanner.value} {canPay ? <a href="/billing">Go to Billing</a> : "Ask the owner to update the payment method."}
		</div>
	);
}
