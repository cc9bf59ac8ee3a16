/**
 * Free slots, computed from each host's weekly windows and dated exceptions in their own time zone,
 * the booking type's rules (duration, buffer, minimum notice, how far ahead) and the host's
 * existing bookings. Pure functions of their inputs: the DST behaviour is tested without a clock.
 */
import type { AvailabilityException, TimeWindow, WeeklyWindow } from "../../../schema/bookings";
import { addDays, clockMinutes, isoWeekday, localClock, localDate, zonedTimeToUtc } from "../../lib/time-zones";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type SlotRules = { durationMinutes: number; bufferMinutes: number; minNoticeMinutes: number; maxAdvanceDays: number };
/** A host is busy from a booking's start until its end plus buffer. */
export type Busy = { startsAt: number; blockedUntil: number };
export type HostSchedule = {
	userId: string;
	timeZone: string;
	weekly: WeeklyWindow[];
	exceptions: AvailabilityException[];
	busy: Busy[];
};
export type Slot = { startsAt: number; endsAt: number; hostUserIds: string[] };

/** The windows of a local date: none on a date off, the weekly ones plus any extra hours otherwise. */
export function windowsOn(date: string, weekly: WeeklyWindow[], exceptions: AvailabilityException[]): TimeWindow[] {
	const weekday = isoWeekday(date);
	const exception = exceptions.find((e) => e.date === date);
	if (exception && exception.windows.length === 0) return [];
	return [...weekly.filter((w) => w.weekday === weekday), ...(exception?.windows ?? [])];
}

/** Whether an interval from `startsAt` to `blockedUntil` overlaps any busy one. */
export function overlapsBusy(busy: Busy[], startsAt: number, blockedUntil: number): boolean {
	return busy.some((b) => b.startsAt < blockedUntil && b.blockedUntil > startsAt);
}

/** The earliest and latest start the rules allow at `now`. */
export function bookableRange(rules: SlotRules, now: number): { earliest: number; latest: number } {
	return { earliest: now + rules.minNoticeMinutes * MINUTE, latest: now + rules.maxAdvanceDays * DAY };
}

/** One host's free starts in [from, to): every `duration` from each window's start, fitting the window. */
export function hostSlots(host: HostSchedule, rules: SlotRules, from: number, to: number, now: number): number[] {
	const { earliest, latest } = bookableRange(rules, now);
	const start = Math.max(from, earliest);
	const end = Math.min(to, latest + 1);
	if (start >= end) return [];
	const duration = rules.durationMinutes * MINUTE;
	const starts = new Set<number>();
	const lastDate = localDate(end, host.timeZone);
	for (let date = addDays(localDate(start, host.timeZone), -1); date <= lastDate; date = addDays(date, 1)) {
		for (const window of windowsOn(date, host.weekly, host.exceptions)) {
			const windowStart = zonedTimeToUtc(date, clockMinutes(window.start), host.timeZone);
			const windowEnd = zonedTimeToUtc(date, clockMinutes(window.end), host.timeZone);
			for (let s = windowStart; s + duration <= windowEnd; s += duration) {
				if (s < start || s >= end) continue;
				if (overlapsBusy(host.busy, s, s + duration + rules.bufferMinutes * MINUTE)) continue;
				starts.add(s);
			}
		}
	}
	return [...starts].sort((a, b) => a - b);
}

/** Free slots of any of `hosts`, each with the hosts free then, earliest first. */
export function freeSlots(hosts: HostSchedule[], rules: SlotRules, from: number, to: number, now: number): Slot[] {
	const byStart = new Map<number, string[]>();
	for (const host of hosts) {
		for (const s of hostSlots(host, rules, from, to, now)) byStart.set(s, [...(byStart.get(s) ?? []), host.userId]);
	}
	return [...byStart.entries()]
		.sort(([a], [b]) => a - b)
		.map(([startsAt, hostUserIds]) => ({ startsAt, endsAt: startsAt + rules.durationMinutes * MINUTE, hostUserIds }));
}

export type SlotDay = { date: string; slots: { startsAt: number; endsAt: number; time: string }[] };

/** Slots grouped by the viewer's local date, each labelled with the viewer's wall-clock time. */
export function slotsByLocalDay(slots: Slot[], timeZone: string): SlotDay[] {
	const days: SlotDay[] = [];
	for (const slot of slots) {
		const date = localDate(slot.startsAt, timeZone);
		let day = days.at(-1);
		if (day?.date !== date) {
			day = { date, slots: [] };
			days.push(day);
		}
		day.slots.push({ startsAt: slot.startsAt, endsAt: slot.endsAt, time: localClock(slot.startsAt, timeZone) });
	}
	return days;
}
