/** Booking emails: confirmed, moved, cancelled (each with its ICS file) and the reminder before a meeting; in the agency's brand. */
import type { EmailAttachment } from "../../../schema/index";
import type { BookingEmailEvent } from "../../../schema/jobs";
import { describeInZone } from "../time-zones";
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export type BookingEmailInput = {
	personName: string;
	typeName: string;
	/** The other side: the client's name for staff, the host's name for the client. */
	withName: string;
	startsAt: number;
	/** The recipient's time zone. */
	timeZone: string;
	url: string;
	reason?: string | null;
	brand: EmailBrand;
};

const HEADINGS: Record<BookingEmailEvent, (typeName: string) => string> = {
	booked: (t) => `Booked: ${t}`,
	rescheduled: (t) => `Moved: ${t}`,
	cancelled: (t) => `Cancelled: ${t}`,
};

export function bookingChangeEmail(event: BookingEmailEvent, input: BookingEmailInput, ics: string): RenderedEmail {
	const when = describeInZone(input.startsAt, input.timeZone);
	const what =
		event === "cancelled"
			? [`Your ${input.typeName} with ${input.withName} on ${when} is cancelled.`, ...(input.reason ? [`Reason: ${input.reason}`] : [])]
			: [
					`Your ${input.typeName} with ${input.withName} is ${event === "booked" ? "booked" : "moved"} to ${when}.`,
					"The attached invitation adds it to your calendar.",
				];
	const rendered = renderEmail({
		subject: `${HEADINGS[event](input.typeName)} — ${when}`,
		heading: HEADINGS[event](input.typeName),
		paragraphs: [`Hello ${input.personName},`, ...what],
		action: { label: "Open your bookings", url: input.url },
		brand: input.brand,
	});
	const method = event === "cancelled" ? "CANCEL" : "REQUEST";
	const attachment: EmailAttachment = {
		filename: event === "cancelled" ? "cancel.ics" : "invite.ics",
		contentType: `text/calendar; charset=utf-8; method=${method}`,
		content: ics,
	};
	return { ...rendered, attachments: [attachment] };
}

export function bookingReminderEmail(input: BookingEmailInput & { inWords: string }): RenderedEmail {
	const when = describeInZone(input.startsAt, input.timeZone);
	return renderEmail({
		subject: `Reminder: ${input.typeName} ${input.inWords} — ${when}`,
		heading: `Your ${input.typeName} is ${input.inWords}`,
		paragraphs: [`Hello ${input.personName},`, `Your ${input.typeName} with ${input.withName} starts ${when}.`],
		action: { label: "Open your bookings", url: input.url },
		brand: input.brand,
	});
}
