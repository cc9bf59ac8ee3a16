/** Email of client support: a reply on a ticket (or a new ticket), in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export function ticketMessageEmail(input: {
	personName: string;
	authorName: string;
	subject: string;
	body: string;
	isNewTicket: boolean;
	ticketUrl: string;
	brand: EmailBrand;
}): RenderedEmail {
	const excerpt = input.body.length > 600 ? `${input.body.slice(0, 597)}…` : input.body;
	return renderEmail({
		subject: input.isNewTicket ? `New ticket: ${input.subject}` : `Re: ${input.subject}`,
		heading: input.isNewTicket ? `${input.authorName} opened a ticket` : `${input.authorName} replied`,
		paragraphs: [`Hello ${input.personName},`, `On "${input.subject}":`, excerpt],
		action: { label: "Open the ticket", url: input.ticketUrl },
		brand: input.brand,
	});
}
