/** Wire shapes of bookings: booking types, staff availability, free slots and the bookings themselves. */
import { z } from "zod";
import { BOOKING_KINDS, BOOKING_STATUSES } from "../bookings";
import { SERVICE_TIERS } from "../portal";

const Id = z.uuid("must be an id");
const Time = z.number().int("must be milliseconds since the epoch").min(0, "must not be negative").max(8_640_000_000_000_000);
const Minutes = (min: number, max: number) =>
	z.number().int("must be a whole number of minutes").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

/** An IANA time zone the runtime knows. */
export const TimeZone = z
	.string()
	.max(64, "must be at most 64 characters")
	.refine((name) => {
		try {
			new Intl.DateTimeFormat("en-US", { timeZone: name });
			return name.length > 0;
		} catch {
			return false;
		}
	}, "must be an IANA time zone such as Europe/Berlin");

const Clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time "HH:MM"');
const LocalDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')
	.refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "must be a real date");

const windowShape = { start: Clock, end: Clock };
const endAfterStart = (w: { start: string; end: string }) => w.end > w.start;
const AFTER_START = { message: "must be after start", path: ["end"] };

export const TimeWindowSchema = z.strictObject(windowShape).refine(endAfterStart, AFTER_START);
export const WeeklyWindowSchema = z
	.strictObject({
		weekday: z.number().int().min(1, "must be 1 (Monday) to 7 (Sunday)").max(7, "must be 1 (Monday) to 7 (Sunday)"),
		...windowShape,
	})
	.refine(endAfterStart, AFTER_START);
export const ExceptionSchema = z.strictObject({
	date: LocalDate,
	/** Empty: the whole date off. Otherwise extra hours on that date. */
	windows: z.array(TimeWindowSchema).max(8, "must be at most 8 windows"),
});

export const AvailabilityBody = z.strictObject({
	timeZone: TimeZone,
	weekly: z.array(WeeklyWindowSchema).max(50, "must be at most 50 windows"),
	exceptions: z.array(ExceptionSchema).max(200, "must be at most 200 exceptions"),
});

export const AvailabilityDto = z.object({
	userId: z.string(),
	name: z.string(),
	email: z.string(),
	/** Null: this staff member has not set availability yet. */
	timeZone: z.string().nullable(),
	weekly: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
	exceptions: z.array(z.object({ date: z.string(), windows: z.array(z.object({ start: z.string(), end: z.string() })) })),
	updatedAt: z.number().nullable(),
});
export const AvailabilityList = z.object({ staff: z.array(AvailabilityDto) });

const typeFields = {
	name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
	kind: z.enum(BOOKING_KINDS),
	description: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
	durationMinutes: Minutes(5, 480),
	bufferMinutes: Minutes(0, 240).optional(),
	minNoticeMinutes: Minutes(0, 60 * 24 * 30).optional(),
	maxAdvanceDays: z.number().int("must be a whole number of days").min(1, "must be at least 1").max(365, "must be at most 365").optional(),
	changeCutoffMinutes: Minutes(0, 60 * 24 * 14).optional(),
	tiers: z.array(z.enum(SERVICE_TIERS)).min(1, "must name at least one tier"),
	hostUserIds: z.array(Id).min(1, "must name at least one staff member").max(50, "must be at most 50 people"),
	active: z.boolean().optional(),
};
export const CreateBookingTypeBody = z.strictObject({ id: Id.optional(), ...typeFields });
export const UpdateBookingTypeBody = z.strictObject(typeFields).partial();

export const BookingTypeDto = z.object({
	id: z.string(),
	name: z.string(),
	kind: z.enum(BOOKING_KINDS),
	description: z.string(),
	durationMinutes: z.number(),
	bufferMinutes: z.number(),
	minNoticeMinutes: z.number(),
	maxAdvanceDays: z.number(),
	changeCutoffMinutes: z.number(),
	tiers: z.array(z.string()),
	hostUserIds: z.array(z.string()),
	active: z.boolean(),
	createdAt: z.number(),
	updatedAt: z.number(),
});
export const BookingTypeList = z.object({ bookingTypes: z.array(BookingTypeDto) });

const SLOT_RANGE_MAX_MS = 42 * 24 * 60 * 60 * 1000;
export const SlotsQuery = z
	.strictObject({
		/** The viewer's time zone: slots are grouped by their local date. */
		timeZone: TimeZone,
		from: z.coerce.number().pipe(Time).optional(),
		to: z.coerce.number().pipe(Time).optional(),
		/** Staff booking for a client: whose tier decides (client users: their own client). */
		clientId: Id.optional(),
	})
	.refine((q) => q.from === undefined || q.to === undefined || (q.to > q.from && q.to - q.from <= SLOT_RANGE_MAX_MS), {
		message: "must be after from and at most 42 days later",
		path: ["to"],
	});
export const SlotsResponse = z.object({
	timeZone: z.string(),
	days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ startsAt: z.number(), endsAt: z.number(), time: z.string() })) })),
});

export const CreateBookingBody = z.strictObject({
	/** Client-generated id: a retried request with the same id books once. */
	id: Id.optional(),
	bookingTypeId: Id,
	startsAt: Time,
	/** The booker's time zone, for their emails. */
	timeZone: TimeZone,
	/** Required when staff book on a client's behalf; client users book for their own client. */
	clientId: Id.optional(),
	note: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
});
export const RescheduleBookingBody = z.strictObject({ startsAt: Time, timeZone: TimeZone.optional() });
export const CancelBookingBody = z.strictObject({
	reason: z.string().trim().min(1, "is required").max(500, "must be at most 500 characters"),
});

export const BookingListQuery = z.strictObject({
	when: z.enum(["upcoming", "past"]).default("upcoming"),
	clientId: Id.optional(),
});

export const BookingDto = z.object({
	id: z.string(),
	bookingTypeId: z.string(),
	typeName: z.string(),
	kind: z.enum(BOOKING_KINDS),
	clientId: z.string(),
	clientName: z.string(),
	hostUserId: z.string(),
	hostName: z.string(),
	bookedByUserId: z.string().nullable(),
	startsAt: z.number(),
	endsAt: z.number(),
	status: z.enum(BOOKING_STATUSES),
	sequence: z.number(),
	clientTimeZone: z.string(),
	note: z.string(),
	cancelReason: z.string().nullable(),
	cancelledAt: z.number().nullable(),
	/** Until when a client may still reschedule or cancel (staff may at any time). */
	changeableUntil: z.number(),
	createdAt: z.number(),
	updatedAt: z.number(),
});
export const BookingList = z.object({ bookings: z.array(BookingDto) });
