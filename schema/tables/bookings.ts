/**
 * Bookings: the meeting types an agency offers, each staff member's weekly availability with dated
 * exceptions, and the booked meetings. A confirmed booking blocks its host from `starts_at` to
 * `blocked_until` (end plus buffer); the partial unique index and a conditional insert keep one
 * host from being booked twice.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AvailabilityException, WeeklyWindow } from "../bookings";
import { BOOKING_KINDS, BOOKING_STATUSES } from "../bookings";
import { clients } from "./clients";
import { tenants } from "./tenants";
import { users } from "./users";

export const bookingTypes = sqliteTable(
	"booking_types",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		kind: text("kind", { enum: BOOKING_KINDS }).notNull(),
		description: text("description").notNull().default(""),
		durationMinutes: integer("duration_minutes").notNull(),
		bufferMinutes: integer("buffer_minutes").notNull().default(0),
		minNoticeMinutes: integer("min_notice_minutes").notNull().default(0),
		maxAdvanceDays: integer("max_advance_days").notNull().default(60),
		/** Clients may not cancel or reschedule within this many minutes of the start. */
		changeCutoffMinutes: integer("change_cutoff_minutes").notNull().default(0),
		/** SERVICE_TIERS (schema/portal.ts) whose clients may book this type. */
		tiers: text("tiers", { mode: "json" }).$type<string[]>().notNull(),
		/** Staff members who can be booked for this type. */
		hostUserIds: text("host_user_ids", { mode: "json" }).$type<string[]>().notNull(),
		active: integer("active", { mode: "boolean" }).notNull().default(true),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [index("booking_types_tenant_idx").on(t.tenantId, t.name)],
);

export const staffAvailability = sqliteTable(
	"staff_availability",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		/** IANA time zone the windows are in, e.g. Europe/Berlin. */
		timeZone: text("time_zone").notNull(),
		weekly: text("weekly", { mode: "json" }).$type<WeeklyWindow[]>().notNull(),
		exceptions: text("exceptions", { mode: "json" }).$type<AvailabilityException[]>().notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

export const bookings = sqliteTable(
	"bookings",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		bookingTypeId: text("booking_type_id")
			.notNull()
			.references(() => bookingTypes.id, { onDelete: "cascade" }),
		/** The type's kind when booked (a kickoff completes onboarding). */
		kind: text("kind", { enum: BOOKING_KINDS }).notNull(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		bookedByUserId: text("booked_by_user_id").references(() => users.id, { onDelete: "set null" }),
		hostUserId: text("host_user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		startsAt: integer("starts_at").notNull(),
		endsAt: integer("ends_at").notNull(),
		/** End plus the type's buffer: the host is busy until then. */
		blockedUntil: integer("blocked_until").notNull(),
		/** The booker's IANA time zone, for their emails. */
		clientTimeZone: text("client_time_zone").notNull(),
		note: text("note").notNull().default(""),
		status: text("status", { enum: BOOKING_STATUSES }).notNull().default("confirmed"),
		/** iCalendar SEQUENCE: 0 when booked, +1 on each reschedule and on cancel. */
		sequence: integer("sequence").notNull().default(0),
		/** When the current time was confirmed (booked or rescheduled): reminders due before it are skipped. */
		confirmedAt: integer("confirmed_at").notNull(),
		/** The client's Idempotency-Key of the booking request. */
		idempotencyKey: text("idempotency_key"),
		cancelReason: text("cancel_reason"),
		cancelledAt: integer("cancelled_at"),
		cancelledByUserId: text("cancelled_by_user_id"),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [
		uniqueIndex("bookings_host_start_unique").on(t.tenantId, t.hostUserId, t.startsAt).where(sql`status = 'confirmed'`),
		uniqueIndex("bookings_idempotency_unique").on(t.tenantId, t.idempotencyKey),
		index("bookings_tenant_start_idx").on(t.tenantId, t.startsAt),
		index("bookings_tenant_client_idx").on(t.tenantId, t.clientId, t.startsAt),
		index("bookings_start_status_idx").on(t.startsAt, t.status),
	],
);

export type BookingType = typeof bookingTypes.$inferSelect;
export type StaffAvailability = typeof staffAvailability.$inferSelect;
export type Booking = typeof bookings.$inferSelect;
