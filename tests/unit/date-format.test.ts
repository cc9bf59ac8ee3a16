/**
 * Dates and times are written one way, in the person's locale and time zone: the PWA's
 * date-format module, checked against hand-written expectations, and a scan proving no screen
 * formats dates on its own.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
	dateInputToMs,
	datePreferences,
	formatCalendarDay,
	formatDate,
	formatDateTime,
	formatTime,
	formatWhen,
	msToDateInput,
	viewerTimeZone,
} from "../../pwa/src/lib/date-format";

// 2026-01-01 20:30 UTC: already 2 January in Tokyo, still 1 January in New York.
const NEW_YEAR_EVENING = Date.UTC(2026, 0, 1, 20, 30);

afterEach(() => {
	datePreferences.value = { locale: null, timeZone: null };
});

describe("date formatting in the person's locale and time zone", () => {
	it("writes a British person in Tokyo's date and time", () => {
		datePreferences.value = { locale: "en-GB", timeZone: "Asia/Tokyo" };
		expect(formatDate(NEW_YEAR_EVENING)).toBe("2 Jan 2026");
		expect(formatDateTime(NEW_YEAR_EVENING)).toBe("2 Jan 2026, 05:30");
		expect(formatTime(NEW_YEAR_EVENING)).toBe("05:30");
		expect(formatWhen(NEW_YEAR_EVENING)).toBe("Fri 2 Jan, 05:30");
	});

	it("writes the same moment for an American in New York and a German in Berlin", () => {
		datePreferences.value = { locale: "en-US", timeZone: "America/New_York" };
		expect(formatDate(NEW_YEAR_EVENING)).toBe("Jan 1, 2026");
		expect(formatTime(NEW_YEAR_EVENING)).toBe("03:30 PM");
		datePreferences.value = { locale: "de-DE", timeZone: "Europe/Berlin" };
		expect(formatDateTime(NEW_YEAR_EVENING)).toBe("01.01.2026, 21:30");
		expect(formatCalendarDay("2026-03-30")).toBe("Montag, 30. März");
	});

	it("says when there is no date, and falls back to the device's zone without a preference", () => {
		expect(formatDate(null)).toBe("No date");
		expect(formatDateTime(undefined, "never")).toBe("never");
		expect(viewerTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
		datePreferences.value = { locale: null, timeZone: "Pacific/Auckland" };
		expect(viewerTimeZone()).toBe("Pacific/Auckland");
	});

	it("reads a date input as midnight in the person's zone, across daylight-saving changes, and back", () => {
		expect(dateInputToMs("2026-01-15", "Asia/Tokyo")).toBe(Date.UTC(2026, 0, 14, 15));
		// Berlin moves to summer time on 29 March 2026 at 02:00; midnight that day is still winter time.
		expect(dateInputToMs("2026-03-29", "Europe/Berlin")).toBe(Date.UTC(2026, 2, 28, 23));
		expect(dateInputToMs("2026-03-30", "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 22));
		expect(dateInputToMs("2026-07-01", "America/Los_Angeles")).toBe(Date.UTC(2026, 6, 1, 7));
		expect(dateInputToMs("", "UTC")).toBeNull();
		expect(dateInputToMs("tomorrow", "UTC")).toBeNull();
		expect(msToDateInput(Date.UTC(2026, 0, 14, 15), "Asia/Tokyo")).toBe("2026-01-15");
		expect(msToDateInput(NEW_YEAR_EVENING, "America/New_York")).toBe("2026-01-01");
	});
});

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

describe("one formatting module", () => {
	it("is the only place in the PWA that formats dates (no toLocale…String, Intl.DateTimeFormat or ISO slices elsewhere)", () => {
		const root = join(import.meta.dirname, "../../pwa/src");
		const own = join(root, "lib/date-format.ts");
		const pattern = /toLocale(Date|Time)String\(|Date\([^)]*\)\.toLocaleString\(|Intl\.DateTimeFormat|toISOString\(\)\.slice/;
		const offenders = sourceFiles(root)
			.filter((path) => path !== own)
			.flatMap((path) =>
				readFileSync(path, "utf8")
					.split("\n")
					.map((line, index) => ({ line, at: `${relative(root, path)}:${index + 1}` }))
					.filter(({ line }) => pattern.test(line))
					.map(({ at, line }) => `${at}: ${line.trim()}`),
			);
		expect(offenders).toEqual([]);
	});
});
