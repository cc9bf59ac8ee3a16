/** Email of client onboarding: a reminder of the steps still open, in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export function onboardingReminderEmail(input: {
	personName: string;
	agencyName: string;
	openSteps: string[];
	onboardingUrl: string;
	brand: EmailBrand;
}): RenderedEmail {
	return renderEmail({
		subject: `Finish setting up with ${input.agencyName}`,
		heading: "A few steps are still open",
		paragraphs: [
			`Hello ${input.personName},`,
			`${input.agencyName} is waiting for: ${input.openSteps.join(", ")}.`,
			"It only takes a few minutes in your portal.",
		],
		action: { label: "Continue onboarding", url: input.onboardingUrl },
		brand: input.brand,
	});
}
