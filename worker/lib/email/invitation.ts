/** The email that invites someone to join an agency, in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export function invitationEmail(input: {
	inviter: string;
	agencyName: string;
	roleName: string;
	acceptUrl: string;
	brand: EmailBrand;
}): RenderedEmail {
	return renderEmail({
		subject: `${input.inviter} invited you to ${input.agencyName}`,
		heading: `Join ${input.agencyName}`,
		paragraphs: [
			`${input.inviter} invited you to ${input.agencyName}'s portal as ${input.roleName}.`,
			"The link works once and expires in 7 days. If you did not expect this, ignore this email.",
		],
		action: { label: "Accept the invitation", url: input.acceptUrl },
		brand: input.brand,
	});
}
