/**
 * Staff availability: weekly windows in the staff member's own time zone plus dated exceptions
 * (a date off, or extra hours), and the schedules slot computation reads, with existing bookings.
 */
import { and, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { z } from "zod";
import type { AvailabilityBody, AvailabilityDto } from "../../../schema/dto/bookings";
import { bookings, memberships, staffAvailability, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import type { HostSchedule } from "./slots";

type AvailabilityView = z.infer<typeof AvailabilityDto>;

/** Every staff-side member with their availability (empty until set), by name. */
export async function listAvailability(scope: TenantScope): Promise<AvailabilityView[]> {
	const rows = await scope.db
		.select({ userId: users.id, name: users.name, email: users.email, availability: staffAvailability })
		.from(memberships)
		.innerJoin(users, and(eq(users.id, memberships.userId), eq(users.tenantId, memberships.tenantId)))
		.leftJoin(
			staffAvailability,
			and(eq(staffAvailability.userId, memberships.userId), eq(staffAvailability.tenantId, memberships.tenantId)),
		)
		.where(scope.where(memberships, ne(memberships.role, "client")))
		.orderBy(users.name, users.id);
	return rows.map((r) => ({
		userId: r.userId,
		name: r.name,
		email: r.email,
		timeZone: r.availability?.timeZone ?? null,
		weekly: r.availability?.weekly ?? [],
		exceptions: r.availability?.exceptions ?? [],
		updatedAt: r.availability?.updatedAt ?? null,
	}));
}

/** Replaces a staff member's availability (404 for anyone who is not on the team). */
export async function putAvailability(
	scope: TenantScope,
	userId: string,
	input: z.infer<typeof AvailabilityBody>,
	now = Date.now(),
): Promise<AvailabilityView> {
	const [member] = await scope.db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(scope.where(memberships, eq(memberships.userId, userId), ne(memberships.role, "client")))
		.limit(1);
	if (!member) throw problems.notFound("There is no team member with this id.");
	const dates = input.exceptions.map((e) => e.date);
	const repeated = dates.findIndex((d, i) => dates.indexOf(d) !== i);
	if (repeated >= 0) throw problems.validation([{ path: `exceptions.${repeated}.date`, message: "is listed twice" }]);
	const values = { timeZone: input.timeZone, weekly: input.weekly, exceptions: input.exceptions, updatedAt: now };
	await scope.db
		.insert(staffAvailability)
		.values({ tenantId: scope.tenantId, userId, ...values })
		.onConflictDoUpdate({ target: [staffAvailability.tenantId, staffAvailability.userId], set: values });
	const view = (await listAvailability(scope)).find((a) => a.userId === userId);
	if (!view) throw new Error("availability vanished");
	return view;
}

/**
 * The schedules of `hostUserIds` who have set availability, with their confirmed bookings around
 * [from, to) as busy time (`exceptBookingId`: a booking being moved does not block itself).
 */
export async function hostSchedules(
	scope: TenantScope,
	hostUserIds: string[],
	from: number,
	to: number,
	exceptBookingId?: string,
): Promise<HostSchedule[]> {
	if (hostUserIds.length === 0) return [];
	const [availability, busy] = await Promise.all([
		scope.db
			.select()
			.from(staffAvailability)
			.where(scope.where(staffAvailability, inArray(staffAvailability.userId, hostUserIds))),
		scope.db
			.select({ id: bookings.id, hostUserId: bookings.hostUserId, startsAt: bookings.startsAt, blockedUntil: bookings.blockedUntil })
			.from(bookings)
			.where(
				scope.where(
					bookings,
					inArray(bookings.hostUserId, hostUserIds),
					eq(bookings.status, "confirmed"),
					lt(bookings.startsAt, to + 86_400_000),
					gt(bookings.blockedUntil, from - 86_400_000),
					exceptBookingId ? ne(bookings.id, exceptBookingId) : undefined,
				),
			),
	]);
	return hostUserIds.flatMap((userId) => {
		const a = availability.find((row) => row.userId === userId);
		if (!a) return [];
		return [
			{ userId, timeZone: a.timeZone, weekly: a.weekly, exceptions: a.exceptions, busy: busy.filter((b) => b.hostUserId === userId) },
		];
	});
}

/** A host's time zone (UTC when they never set availability). */
export async function hostTimeZone(scope: TenantScope, userId: string): Promise<string> {
	const [row] = await scope.db
		.select({ timeZone: staffAvailability.timeZone })
		.from(staffAvailability)
		.where(scope.where(staffAvailability, eq(staffAvailability.userId, userId)))
		.limit(1);
	return row?.timeZone ?? "UTC";
}
