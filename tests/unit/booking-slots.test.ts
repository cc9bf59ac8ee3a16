/** Slot computation across DST changes, exceptions and busy time; ICS lines; the reminder rule; attachments on the wire. */
import { describe, expect, it } from "vitest";
import { dueReminder } from "../../worker/jobs/booking-reminders";
import { httpTransport } from "../../worker/lib/email/transport";
import { buildIcs, foldLine, icsText } from "../../worker/lib/ics";
import { zonedTimeToUtc } from "../../worker/lib/time-zones";
import { freeSlots, type HostSchedule, slotsByLocalDay } from "../../worker/services/bookings/slots";

const HOUR = 3_600_000;
const rules = { durationMinutes: 60, bufferMinutes: 0, minNoticeMinutes: 0, maxAdvanceDays: 365 };
const weekdaysNineToEleven = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "11:00" }));
const berlin: HostSchedule = { userId: "h1", timeZone: "Europe/Berlin", weekly: weekdaysNineToEleven, exceptions: [], busy: [] };
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

describe("free slots", () => {
	it("keep the host's 09:00 through the spring DST change, and show the client their own wall clock", () => {
		// Europe/Berlin moves to summer time on Sunday 29 March 2026; New York already did on 8 March.
		const from = Date.UTC(2026, 2, 26);
		const slots = freeSlots([berlin], rules, from, Date.UTC(2026, 2, 31), Date.UTC(2026, 0, 1));
		expect(slots.map((s) => iso(s.startsAt))).toEqual([
			"2026-03-26T08:00",
			"2026-03-26T09:00",
			"2026-03-27T08:00",
			"2026-03-27T09:00",
			"2026-03-30T07:00",
			"2026-03-30T08:00",
		]);
		const forClient = slotsByLocalDay(slots, "America/New_York");
		expect(forClient.map((d) => [d.date, d.slots.map((s) => s.time)])).toEqual([
			["2026-03-26", ["04:00", "05:00"]],
			["2026-03-27", ["04:00", "05:00"]],
			["2026-03-30", ["03:00", "04:00"]],
		]);
	});

	it("keep the host's 09:00 through the autumn change, with dates off, extra hours and busy time", () => {
		const host: HostSchedule = {
			...berlin,
			exceptions: [
				{ date: "2026-10-23", windows: [] },
				{ date: "2026-10-25", windows: [{ start: "14:00", end: "15:00" }] },
			],
			busy: [{ startsAt: Date.UTC(2026, 9, 26, 8), blockedUntil: Date.UTC(2026, 9, 26, 9, 15) }],
		};
		const slots = freeSlots([host], rules, Date.UTC(2026, 9, 22), Date.UTC(2026, 9, 27), Date.UTC(2026, 0, 1));
		expect(slots.map((s) => iso(s.startsAt))).toEqual([
			"2026-10-22T07:00",
			"2026-10-22T08:00",
			"2026-10-25T13:00",
			// Monday 26 October, now on winter time: 09:00 is 08:00 UTC (busy), 10:00 overlaps the busy buffer until 09:15.
		]);
	});

	it("respect notice and how far ahead, and merge hosts who are free at the same time", () => {
		const now = Date.UTC(2026, 2, 26, 7, 30);
		const second: HostSchedule = { ...berlin, userId: "h2" };
		const slots = freeSlots([berlin, second], { ...rules, minNoticeMinutes: 60, maxAdvanceDays: 1 }, now, now + 7 * 24 * HOUR, now);
		// 08:00 is inside the hour's notice; Friday 08:00 is beyond the one day ahead.
		expect(slots.map((s) => [iso(s.startsAt), s.hostUserIds])).toEqual([["2026-03-26T09:00", ["h1", "h2"]]]);
	});

	it("map a wall-clock time skipped by DST to the instant after the gap", () => {
		expect(iso(zonedTimeToUtc("2026-03-29", 150, "Europe/Berlin"))).toBe("2026-03-29T01:30");
		expect(iso(zonedTimeToUtc("2026-07-01", 24 * 60, "America/Los_Angeles"))).toBe("2026-07-02T07:00");
	});
});

describe("ICS", () => {
	it("escapes text, folds long lines at 75 octets and ends lines with CRLF", () => {
		expect(icsText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
		const folded = foldLine(`DESCRIPTION:${"é".repeat(60)}`);
		for (const line of folded.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		const ics = buildIcs({
			method: "REQUEST",
			uid: "booking-1@localhost",
			sequence: 3,
			stampedAt: Date.UTC(2026, 2, 1, 12, 0, 5),
			startsAt: Date.UTC(2026, 2, 30, 7),
			endsAt: Date.UTC(2026, 2, 30, 7, 30),
			summary: "Consultation",
			description: "Hi",
			organizer: { name: "Sam", email: "sam@a.test" },
			attendees: [{ name: "Xena", email: "x@a.test" }],
		});
		expect(ics).toContain("\r\nDTSTAMP:20260301T120005Z\r\nDTSTART:20260330T070000Z\r\nDTEND:20260330T073000Z\r\n");
		expect(ics).toContain("SEQUENCE:3\r\n");
		expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
	});
});

describe("reminders", () => {
	it("send the latest due reminder, never one that was due before the booking was confirmed", () => {
		const startsAt = Date.UTC(2026, 4, 10, 12);
		const bookedEarly = { startsAt, confirmedAt: startsAt - 72 * HOUR };
		expect(dueReminder(bookedEarly, startsAt - 25 * HOUR)).toBeNull();
		expect(dueReminder(bookedEarly, startsAt - 23 * HOUR)).toBe(24 * HOUR);
		expect(dueReminder(bookedEarly, startsAt - HOUR / 2)).toBe(HOUR);
		expect(dueReminder({ startsAt, confirmedAt: startsAt - 3 * HOUR }, startsAt - 2 * HOUR)).toBeNull();
		expect(dueReminder({ startsAt, confirmedAt: startsAt - 3 * HOUR }, startsAt - HOUR / 2)).toBe(HOUR);
	});
});

describe("email attachments", () => {
	it("go to the provider as base64 with their content type", async () => {
		let body: { attachments?: { filename: string; content: string; content_type: string }[] } = {};
		const fetcher = (async (_url: string, init?: RequestInit) => {
			body = JSON.parse(String(init?.body));
			return Response.json({ id: "m1" });
		}) as typeof fetch;
		await httpTransport("k", "https://mail.test", fetcher).send({
			from: "a@x.test",
			to: "b@x.test",
			subject: "S",
			text: "T",
			html: "<p>T</p>",
			idempotencyKey: "i",
			attachments: [
				{ filename: "invite.ics", contentType: "text/calendar; method=REQUEST", content: "BEGIN:VCALENDAR\r\nSUMMARY:Café\r\n" },
			],
		});
		const [file] = body.attachments ?? [];
		expect(file?.filename).toBe("invite.ics");
		expect(file?.content_type).toBe("text/calendar; method=REQUEST");
		expect(new TextDecoder().decode(Uint8Array.from(atob(file?.content ?? ""), (c) => c.charCodeAt(0)))).toBe(
			"BEGIN:VCALENDAR\r\nSUMMARY:Café\r\n",
		);
	});
});
