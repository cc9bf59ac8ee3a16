/** The welcome email an agency owner gets after sign-up. */
import { type RenderedEmail, renderEmail } from "./render";

export function welcomeEmail(input: { ownerName: string; agencyName: string; tenantUrl: string }): RenderedEmail {
	return renderEmail({
		subject: `Welcome to Atrium, ${input.agencyName}`,
		heading: `Welcome, ${input.ownerName}`,
		paragraphs: [
			`${input.agencyName} now has its own client portal. Sign in any time at ${input.tenantUrl}.`,
			"Next: add your brand, invite your team and your first client.",
		],
		action: { label: "Open your portal", url: input.tenantUrl },
	});
}
