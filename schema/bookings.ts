/**
 * The vocabulary of bookings: kinds of booking type, booking states, weekdays of availability and
 * when reminders go out. Tables, DTOs, services and the PWA read these lists.
 */
/** `kickoff` bookings complete the onboarding wizard's kickoff step. */
export const BOOKING_KINDS = ["consultation", "kickoff", "review"] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];

export const BOOKING_STATUSES = ["confirmed", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A window of local wall-clock time, "HH:MM" to "HH:MM" (end may be "24:00"). */
export type TimeWindow = { start: string; end: string };
/** `weekday`: one of WEEKDAYS. */
export type WeeklyWindow = TimeWindow & { weekday: number };
/** A date off (`windows` empty) or extra hours on a date, in the staff member's own time zone. */
export type AvailabilityException = { date: string; windows: TimeWindow[] };

/** Reminders before a meeting, largest first: each is sent once per booking time. */
export const REMINDER_OFFSETS_MS = [24 * 60 * 60 * 1000, 60 * 60 * 1000] as const;
