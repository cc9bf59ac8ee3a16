/** Email of messaging: a message still unread after the tenant's delay, in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export function unreadMessageEmail(input: {
	personName: string;
	authorName: string;
	subject: string;
	excerpt: string;
	threadUrl: string;
	brand: EmailBrand;
}): RenderedEmail {
	const excerpt = input.excerpt.length > 280 ? `${input.excerpt.slice(0, 277)}…` : input.excerpt;
	return renderEmail({
		subject: `New message from ${input.authorName}: ${input.subject}`,
		heading: `${input.authorName} sent you a message`,
		paragraphs: [`Hello ${input.personName},`, `In "${input.subject}":`, excerpt || "(an attachment)"],
		action: { label: "Reply in your portal", url: input.threadUrl },
		brand: input.brand,
	});
}
