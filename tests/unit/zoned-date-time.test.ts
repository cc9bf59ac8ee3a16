/**
 * The form kit's date-and-time picker reads a wall-clock time in the person's time zone and sends
 * the instant it names (lib/date-format.ts localDateTimeToMs / msToLocalDateTime): worked examples
 * on both sides of the clock changes of 2026 in Europe/Berlin and America/New_York, including a
 * time skipped in spring and one that happens twice in autumn.
 */
import { describe, expect, it } from "vitest";
import { localDateTimeToMs, msToLocalDateTime } from "../../pwa/src/lib/date-format";

const utc = (iso: string) => Date.parse(`${iso}Z`);
const HOUR = 3_600_000;

describe("wall-clock time in a zone ↔ instant", () => {
	it("Europe/Berlin: winter is UTC+1, summer UTC+2; the spring gap moves forward, the autumn repeat takes the first", () => {
		const zone = "Europe/Berlin";
		expect(localDateTimeToMs("2026-03-28T12:00", zone)).toBe(utc("2026-03-28T11:00"));
		expect(localDateTimeToMs("2026-03-29T12:00", zone)).toBe(utc("2026-03-29T10:00"));
		// 02:30 on 29 March never happens (02:00 → 03:00): it is read as 03:30 summer time.
		expect(localDateTimeToMs("2026-03-29T02:30", zone)).toBe(utc("2026-03-29T01:30"));
		expect(msToLocalDateTime(utc("2026-03-29T01:30"), zone)).toBe("2026-03-29T03:30");
		// 02:30 on 25 October happens twice (03:00 → 02:00): the first, still summer time.
		expect(localDateTimeToMs("2026-10-25T02:30", zone)).toBe(utc("2026-10-25T00:30"));
		expect(localDateTimeToMs("2026-10-25T12:00", zone)).toBe(utc("2026-10-25T11:00"));
		// Noon to noon across the change is 23 hours in spring and 25 in autumn.
		const spring = (localDateTimeToMs("2026-03-29T12:00", zone) ?? 0) - (localDateTimeToMs("2026-03-28T12:00", zone) ?? 0);
		const autumn = (localDateTimeToMs("2026-10-25T12:00", zone) ?? 0) - (localDateTimeToMs("2026-10-24T12:00", zone) ?? 0);
		expect([spring / HOUR, autumn / HOUR]).toEqual([23, 25]);
	});

	it("America/New_York: EST is UTC−5, EDT UTC−4; the spring gap moves forward, the autumn repeat takes the first", () => {
		const zone = "America/New_York";
		expect(localDateTimeToMs("2026-03-07T12:00", zone)).toBe(utc("2026-03-07T17:00"));
		expect(localDateTimeToMs("2026-03-08T12:00", zone)).toBe(utc("2026-03-08T16:00"));
		expect(localDateTimeToMs("2026-03-08T02:30", zone)).toBe(utc("2026-03-08T07:30"));
		expect(msToLocalDateTime(utc("2026-03-08T07:30"), zone)).toBe("2026-03-08T03:30");
		// 01:30 on 1 November happens twice: first in EDT (05:30 UTC), then in EST (06:30 UTC).
		expect(localDateTimeToMs("2026-11-01T01:30", zone)).toBe(utc("2026-11-01T05:30"));
		expect(msToLocalDateTime(utc("2026-11-01T06:30"), zone)).toBe("2026-11-01T01:30");
		expect(localDateTimeToMs("2026-11-01T12:00", zone)).toBe(utc("2026-11-01T17:00"));
	});

	it("the same wall-clock time is a different instant in each zone, and reads back the same in its own", () => {
		for (const [zone, local, instant] of [
			["Europe/Berlin", "2027-03-14T12:00", "2027-03-14T11:00"],
			["America/New_York", "2027-03-14T12:00", "2027-03-14T16:00"],
			["Asia/Tokyo", "2027-03-14T12:00", "2027-03-14T03:00"],
			["UTC", "2027-03-14T12:00", "2027-03-14T12:00"],
		] as const) {
			expect(localDateTimeToMs(local, zone)).toBe(utc(instant));
			expect(msToLocalDateTime(utc(instant), zone)).toBe(local);
		}
	});

	it("an empty or malformed value is no instant", () => {
		for (const value of ["", "2026-03-29", "2026-13-01T10:00", "2026-03-29T24:00", "soon"]) {
			expect(localDateTimeToMs(value, "Europe/Berlin")).toBeNull();
		}
	});
});
