/**
 * iCalendar (RFC 5545 / iTIP RFC 5546) invitations for one meeting: METHOD:REQUEST for a new or
 * moved meeting, METHOD:CANCEL to withdraw it. The UID is stable per booking and SEQUENCE grows
 * with each change, so calendars update the one event instead of adding another. Times are UTC.
 */
export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
	method: "REQUEST" | "CANCEL";
	uid: string;
	sequence: number;
	/** When this version of the event was made (DTSTAMP). */
	stampedAt: number;
	startsAt: number;
	endsAt: number;
	summary: string;
	description: string;
	organizer: IcsPerson;
	attendees: IcsPerson[];
};

/** 20260330T070000Z */
export function icsUtc(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function icsText(value: string): string {
	return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** A parameter value (a display name), quoted, without characters a quoted value may not hold. */
function paramValue(value: string): string {
	return `"${value.replace(/["\r\n]/g, "")}"`;
}

/** Folds a content line at 75 octets (continuations start with one space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const out: string[] = [];
	let current = "";
	let octets = 0;
	for (const ch of line) {
		const size = encoder.encode(ch).length;
		const limit = out.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			out.push(current);
			current = "";
			octets = 0;
		}
		current += ch;
		octets += size;
	}
	out.push(current);
	return out.join("\r\n ");
}

export function buildIcs(event: IcsEvent): string {
	const cancelled = event.method === "CANCEL";
	const lines = [
		"BEGIN:VCALENDAR",
		"VERSION:2.0",
		// The product id is the portal's, not the platform's name: agencies' clients never see "Atrium" (docs/WHITE-LABEL.md).
		"PRODID:-//Client portal//Bookings//EN",
		"CALSCALE:GREGORIAN",
		`METHOD:${event.method}`,
		"BEGIN:VEVENT",
		`UID:${event.uid}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTAMP:${icsUtc(event.stampedAt)}`,
		`DTSTART:${icsUtc(event.startsAt)}`,
		`DTEND:${icsUtc(event.endsAt)}`,
		`SUMMARY:${icsText(event.summary)}`,
		`DESCRIPTION:${icsText(event.description)}`,
		`ORGANIZER;CN=${paramValue(event.organizer.name)}:mailto:${event.organizer.email}`,
		...event.attendees.map(
			(a) => `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${a.email}`,
		),
		`STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
		"TRANSP:OPAQUE",
		"END:VEVENT",
		"END:VCALENDAR",
	];
	return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
