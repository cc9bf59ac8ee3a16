/**
 * Reading bookings: one by id within what the caller may see, lists (upcoming or past, by client)
 * with the names people read, and `upcomingBookings` for the dashboards.
 */
import { and, asc, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { BookingDto, BookingListQuery } from "../../../schema/dto/bookings";
import { type Booking, bookings, bookingTypes, clients, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { type ClientAccess, canSeeClient, visibleClientsCondition } from "../portal/client-access";

export type BookingView = z.infer<typeof BookingDto>;

const MINUTE = 60_000;

/** A booking by id or by the Idempotency-Key it was made with (null when neither matches). */
export async function findBooking(scope: TenantScope, key: { id: string; idempotencyKey: string | null }): Promise<Booking | null> {
	const match = key.idempotencyKey ? or(eq(bookings.id, key.id), eq(bookings.idempotencyKey, key.idempotencyKey)) : eq(bookings.id, key.id);
	const [row] = await scope.db.select().from(bookings).where(scope.where(bookings, match)).limit(1);
	return row ?? null;
}

/** A booking of a client the caller may see, or 404. */
export async function getVisibleBooking(scope: TenantScope, access: ClientAccess, id: string): Promise<Booking> {
	const row = await findBooking(scope, { id, idempotencyKey: null });
	if (!row || !canSeeClient(access, row.clientId)) throw problems.notFound("There is no booking with this id.");
	return row;
}

async function bookingViews(
	scope: TenantScope,
	conditions: (SQL | undefined)[],
	order: "asc" | "desc",
	limit: number,
): Promise<BookingView[]> {
	const rows = await scope.db
		.select({
			booking: bookings,
			typeName: bookingTypes.name,
			changeCutoffMinutes: bookingTypes.changeCutoffMinutes,
			clientName: clients.name,
			hostName: users.name,
		})
		.from(bookings)
		.innerJoin(bookingTypes, and(eq(bookingTypes.id, bookings.bookingTypeId), eq(bookingTypes.tenantId, bookings.tenantId)))
		.innerJoin(clients, and(eq(clients.id, bookings.clientId), eq(clients.tenantId, bookings.tenantId)))
		.innerJoin(users, and(eq(users.id, bookings.hostUserId), eq(users.tenantId, bookings.tenantId)))
		.where(scope.where(bookings, ...conditions))
		.orderBy(order === "asc" ? asc(bookings.startsAt) : desc(bookings.startsAt), asc(bookings.id))
		.limit(limit);
	return rows.map((r) => toBookingView(r.booking, r));
}

export function toBookingView(
	b: Booking,
	names: { typeName: string; clientName: string; hostName: string; changeCutoffMinutes: number },
): BookingView {
	return {
		id: b.id,
		bookingTypeId: b.bookingTypeId,
		typeName: names.typeName,
		kind: b.kind,
		clientId: b.clientId,
		clientName: names.clientName,
		hostUserId: b.hostUserId,
		hostName: names.hostName,
		bookedByUserId: b.bookedByUserId,
		startsAt: b.startsAt,
		endsAt: b.endsAt,
		status: b.status,
		sequence: b.sequence,
		clientTimeZone: b.clientTimeZone,
		note: b.note,
		cancelReason: b.cancelReason,
		cancelledAt: b.cancelledAt,
		changeableUntil: b.startsAt - names.changeCutoffMinutes * MINUTE,
		createdAt: b.createdAt,
		updatedAt: b.updatedAt,
	};
}

/** One booking with its names, as the API returns it. */
export async function bookingView(scope: TenantScope, access: ClientAccess, id: string): Promise<BookingView> {
	const [view] = await bookingViews(scope, [eq(bookings.id, id), visibleClientsCondition(access, bookings.clientId)], "asc", 1);
	if (!view) throw problems.notFound("There is no booking with this id.");
	return view;
}

/** Upcoming (soonest first, cancelled included so people see what changed) or past (latest first). */
export async function listBookings(
	scope: TenantScope,
	access: ClientAccess,
	query: z.infer<typeof BookingListQuery>,
	now = Date.now(),
): Promise<BookingView[]> {
	const conditions = [
		visibleClientsCondition(access, bookings.clientId),
		query.clientId ? eq(bookings.clientId, query.clientId) : undefined,
		query.when === "upcoming" ? gte(bookings.endsAt, now) : lt(bookings.endsAt, now),
	];
	return bookingViews(scope, conditions, query.when === "upcoming" ? "asc" : "desc", 200);
}

/**
 * The next confirmed bookings the caller may see, soonest first: the staff dashboard's "Upcoming
 * bookings" and a client's "next booking" (`limit` 1).
 */
export async function upcomingBookings(scope: TenantScope, access: ClientAccess, now = Date.now(), limit = 10): Promise<BookingView[]> {
	return bookingViews(
		scope,
		[visibleClientsCondition(access, bookings.clientId), eq(bookings.status, "confirmed"), gte(bookings.endsAt, now)],
		"asc",
		limit,
	);
}
