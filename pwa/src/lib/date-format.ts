/**
 * The one way the app writes dates and times: in the person's locale and time zone (their profile,
 * PATCH /api/v1/me), falling back to the browser's. Every screen formats through these functions, so
 * a changed preference re-renders every date at once (the preferences are a signal, read while
 * rendering). Formatters are made on first use, not when the module loads: the first one loads the
 * locale's patterns (tens of ms on a phone), which would delay the start page's first paint.
 */
import { signal } from "@preact/signals";

export type DatePreferences = { locale: string | null; timeZone: string | null };

/** The person's chosen locale and time zone; null: the browser's. */
export const datePreferences = signal<DatePreferences>({ locale: null, timeZone: null });

/** The browser's own time zone (what a person with no preference sees). */
export function deviceTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The time zone dates are shown in: the person's, else the device's. */
export function viewerTimeZone(): string {
	return datePreferences.value.timeZone ?? deviceTimeZone();
}

const STYLES = {
	/** "12 Mar 2026" */
	date: { dateStyle: "medium" },
	/** "12 Mar 2026, 14:05" */
	dateTime: { dateStyle: "medium", timeStyle: "short" },
	/** "12 Mar 2026, 14:05:09" (logs, where order within a minute matters) */
	dateTimeSeconds: { dateStyle: "medium", timeStyle: "medium" },
	/** "14:05" */
	time: { hour: "2-digit", minute: "2-digit" },
	/** "Thu 12 Mar, 14:05": an appointment */
	when: { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: DateStyle, preferences: DatePreferences): Intl.DateTimeFormat {
	const key = `${preferences.locale ?? ""}|${preferences.timeZone ?? ""}|${style}`;
	let made = formatters.get(key);
	if (!made) {
		made = new Intl.DateTimeFormat(preferences.locale ?? undefined, {
			...STYLES[style],
			...(preferences.timeZone ? { timeZone: preferences.timeZone } : {}),
		});
		formatters.set(key, made);
	}
	return made;
}

/** Makes the formatters a page will use now (call it when idle while the page's data is on the way). */
export function prepareDateFormats(...styles: DateStyle[]): void {
	for (const style of styles) formatter(style, datePreferences.value);
}

/** A moment in `style`, in the person's locale and time zone; `empty` when there is none. */
export function formatMoment(ms: number | null | undefined, style: DateStyle, empty = "No date"): string {
	if (ms == null) return empty;
	return formatter(style, datePreferences.value).format(ms);
}

export const formatDate = (ms: number | null | undefined, empty?: string) => formatMoment(ms, "date", empty);
export const formatDateTime = (ms: number | null | undefined, empty?: string) => formatMoment(ms, "dateTime", empty);
export const formatTime = (ms: number | null | undefined, empty?: string) => formatMoment(ms, "time", empty);
export const formatDateTimeSeconds = (ms: number | null | undefined, empty?: string) => formatMoment(ms, "dateTimeSeconds", empty);
export const formatWhen = (ms: number | null | undefined, empty?: string) => formatMoment(ms, "when", empty);

/** A calendar day ("YYYY-MM-DD", already the viewer's own day), e.g. "Monday 30 March", in the person's locale. */
export function formatCalendarDay(date: string): string {
	const locale = datePreferences.value.locale ?? undefined;
	return new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
		new Date(`${date}T00:00:00Z`),
	);
}

/** How far `timeZone` is ahead of UTC at `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat("en-US", {
		timeZone,
		hourCycle: "h23",
		year: "numeric",
		month: "numeric",
		day: "numeric",
		hour: "numeric",
		minute: "numeric",
		second: "numeric",
	}).formatToParts(ms);
	const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** A date input's value as the start of that day in the person's time zone (null when empty or not a date). */
export function dateInputToMs(value: string, timeZone = viewerTimeZone()): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return null;
	const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	if (!Number.isFinite(guess)) return null;
	// Midnight there is `guess` minus the zone's offset; on a day the offset changes, check again at the answer.
	const first = guess - zoneOffset(guess, timeZone);
	return guess - zoneOffset(first, timeZone);
}

/** A moment as the date input's value of its day in the person's time zone. */
export function msToDateInput(ms: number, timeZone = viewerTimeZone()): string {
	return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 10);
}

/**
 * A wall-clock time in `timeZone` ("YYYY-MM-DDTHH:mm", a datetime-local input's value) as
 * the instant it names (null when empty or malformed). Around a change of the clocks it resolves as
 * Temporal's "compatible" does: a time skipped in spring (02:30 in Berlin on the last Sunday of March)
 * is read with the offset before the change, so it lands an hour later (03:30 summer time); a time
 * that happens twice in autumn is the earlier of the two.
 */
export function localDateTimeToMs(value: string, timeZone = viewerTimeZone()): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
	if (!match) return null;
	const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || (s ?? 0) > 59) return null;
	const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : (s ?? 0));
	if (!Number.isFinite(wall)) return null;
	const day = 86_400_000;
	const before = zoneOffset(wall - day, timeZone);
	const after = zoneOffset(wall + day, timeZone);
	// The instants that would show `wall` there, one per offset in force that day.
	const fits = [wall - before, wall - after].filter((ms) => zoneOffset(ms, timeZone) === wall - ms);
	if (fits.length > 0) return Math.min(...fits);
	// Skipped by the clocks: read with the offset before the change.
	return wall - before;
}

/** An instant as the datetime-local input's value ("YYYY-MM-DDTHH:mm") of its wall-clock time in `timeZone`. */
export function msToLocalDateTime(ms: number, timeZone = viewerTimeZone()): string {
	return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 16);
}

/** The short name of `timeZone` at `ms` in the person's locale ("CET", "GMT-4"), to say which clock a picker reads. */
export function zoneName(ms: number, timeZone = viewerTimeZone()): string {
	const parts = new Intl.DateTimeFormat(datePreferences.value.locale ?? undefined, { timeZone, timeZoneName: "short" }).formatToParts(ms);
	return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for these options in a given zone and locale (charts' axes and readouts), made once and kept. */
export function zonedFormatter(options: Intl.DateTimeFormatOptions, timeZone: string, locale: string | undefined): Intl.DateTimeFormat {
	const key = `${locale ?? ""}|${timeZone}|${JSON.stringify(options)}`;
	let made = zonedFormatters.get(key);
	if (!made) {
		made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
		zonedFormatters.set(key, made);
	}
	return made;
}

/** "YYYY-MM-DD" of a calendar date moved by days and months (calendar arithmetic, no zone). */
export function shiftCalendarDate(date: string, days: number, months = 0): string {
	const [y = 1970, m = 1, d = 1] = date.split("-").map(Number);
	return new Date(Date.UTC(y, m - 1 + months, d + days)).toISOString().slice(0, 10);
}
