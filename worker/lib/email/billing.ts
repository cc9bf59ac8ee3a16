/** Billing emails to an agency's owner: trial ending, payment failed (and its dunning reminders). */
import { type RenderedEmail, renderEmail } from "./render";

export const BILLING_EMAIL_TEMPLATES = ["trial-will-end", "payment-failed", "payment-reminder"] as const;
export type BillingEmailTemplate = (typeof BILLING_EMAIL_TEMPLATES)[number];

export function billingEmail(template: BillingEmailTemplate, input: { agencyName: string; billingUrl: string }): RenderedEmail {
	const action = { label: "Open Billing", url: input.billingUrl };
	switch (template) {
		case "trial-will-end":
			return renderEmail({
				subject: `${input.agencyName}: your Atrium trial ends in 3 days`,
				heading: "Your trial ends soon",
				paragraphs: ["Your subscription starts automatically when the trial ends. Check your plan and payment method in Billing."],
				action,
			});
		case "payment-failed":
			return renderEmail({
				subject: `${input.agencyName}: your Atrium payment failed`,
				heading: "We could not take your payment",
				paragraphs: [
					"Your card was declined. Update your payment method in Billing; we retry automatically.",
					"Your workspace keeps full access for 7 days; after that it is reduced until the payment succeeds.",
				],
				action,
			});
		case "payment-reminder":
			return renderEmail({
				subject: `${input.agencyName}: your Atrium payment is still outstanding`,
				heading: "Your payment is still outstanding",
				paragraphs: ["Update your payment method in Billing to keep full access to your workspace."],
				action,
			});
	}
}
