/**
 * Wall-clock time in IANA time zones with nothing but Intl.DateTimeFormat: the offset of a zone at
 * an instant, the instant of a local date and time (correct across DST changes), local dates and
 * readable times for emails.
 */
const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = partFormatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat("en-US", {
			timeZone,
			hourCycle: "h23",
			year: "numeric",
			month: "2-digit",
			day: "2-digit",
			hour: "2-digit",
			minute: "2-digit",
			second: "2-digit",
		});
		partFormatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Whether `name` is a time zone this runtime knows (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
	if (!name || name.length > 64) return false;
	try {
		new Intl.DateTimeFormat("en-US", { timeZone: name });
		return true;
	} catch {
		return false;
	}
}

export type LocalTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock reading in `timeZone` at instant `utcMs`. */
export function localTime(utcMs: number, timeZone: string): LocalTime {
	const parts: Record<string, number> = {};
	for (const part of partsFormatter(timeZone).formatToParts(utcMs)) {
		if (part.type !== "literal") parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year ?? 1970,
		month: parts.month ?? 1,
		day: parts.day ?? 1,
		hour: parts.hour ?? 0,
		minute: parts.minute ?? 0,
		second: parts.second ?? 0,
	};
}

/** How far `timeZone`'s wall clock is ahead of UTC at `utcMs`, in milliseconds. */
export function offsetMs(utcMs: number, timeZone: string): number {
	const t = localTime(utcMs, timeZone);
	const wholeSecond = Math.floor(utcMs / 1000) * 1000;
	return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - wholeSecond;
}

/**
 * The instant at which `timeZone`'s clock reads `date` ("YYYY-MM-DD") plus `minutes` past midnight
 * (1440 is the next midnight). A time skipped by a spring-forward change maps to the instant after it.
 */
export function zonedTimeToUtc(date: string, minutes: number, timeZone: string): number {
	const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
	const naive = Date.UTC(year, month - 1, day, 0, minutes);
	const first = naive - offsetMs(naive, timeZone);
	const second = naive - offsetMs(first, timeZone);
	return first === second ? first : Math.max(first, second);
}

/** The local calendar date ("YYYY-MM-DD") in `timeZone` at `utcMs`. */
export function localDate(utcMs: number, timeZone: string): string {
	const t = localTime(utcMs, timeZone);
	return `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;
}

/** "HH:MM" on the wall clock of `timeZone` at `utcMs`. */
export function localClock(utcMs: number, timeZone: string): string {
	const t = localTime(utcMs, timeZone);
	return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
	const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
	return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
	const [year = 1970, month = 1, day = 1] = date.split("-").map(Number);
	return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** Minutes past midnight of "HH:MM". */
export function clockMinutes(clock: string): number {
	const [hours = 0, minutes = 0] = clock.split(":").map(Number);
	return hours * 60 + minutes;
}

/** A readable date and time for email, e.g. "Monday, 30 March 2026, 09:00 (Europe/Berlin)". */
export function describeInZone(utcMs: number, timeZone: string): string {
	const text = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "full", timeStyle: "short" }).format(utcMs);
	return `${text} (${timeZone})`;
}
