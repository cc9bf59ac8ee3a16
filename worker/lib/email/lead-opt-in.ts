/** The double opt-in email a lead gets after a form submission: confirm the address, in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export function leadOptInEmail(input: { agencyName: string; formName: string; confirmUrl: string; brand: EmailBrand }): RenderedEmail {
	return renderEmail({
		subject: `Confirm your email for ${input.agencyName}`,
		heading: "Confirm your email address",
		paragraphs: [
			`You sent "${input.formName}" to ${input.agencyName}.`,
			"Confirm that this address is yours with the button below. The link works once and for 7 days.",
			"If you did not send this form, ignore this email: nothing more will be sent.",
		],
		action: { label: "Confirm my email", url: input.confirmUrl },
		brand: input.brand,
	});
}
