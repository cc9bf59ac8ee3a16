/**
 * Booking, rescheduling and cancelling meetings, with the rules enforced here: the client's tier
 * may book the type, the time is a free slot (notice, how far ahead, the host's availability), a
 * client changes a booking only before the type's cut-off. A host is never booked twice: the insert
 * and the move are conditional statements that check for an overlapping booking in the same step,
 * backed by a unique index. A retried request (same id or Idempotency-Key) books once.
 */
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { CancelBookingBody, CreateBookingBody, RescheduleBookingBody } from "../../../schema/dto/bookings";
import type { Booking, BookingType } from "../../../schema/index";
import type { BookingEmailEvent } from "../../../schema/jobs";
import type { TenantScope } from "../../lib/db";
import { isUniqueViolation } from "../../lib/db-errors";
import { newId } from "../../lib/ids";
import { enqueue } from "../../lib/jobs";
import { Problem, problems } from "../../lib/problem";
import { type ClientAccess, seesAllClients } from "../portal/client-access";
import { hostSchedules } from "./availability";
import type { BookingDeps } from "./booking-deps";
import { findBooking, getVisibleBooking } from "./booking-queries";
import { clientTier, getBookingType } from "./booking-types";
import { kickoffBooked, kickoffCancelled } from "./onboarding-link";
import { bookableRange, freeSlots, type Slot } from "./slots";

const MINUTE = 60_000;

export type CreateBookingInput = z.infer<typeof CreateBookingBody>;

/** The client a booking is for: a client user's own; staff name one. */
async function bookingClientId(scope: TenantScope, access: ClientAccess, requested: string | undefined): Promise<string> {
	if (access.kind === "own") {
		if (!access.clientId) throw problems.forbidden("Your account is not linked to a client.");
		if (requested && requested !== access.clientId) throw problems.validation([{ path: "clientId", message: "must be your own client" }]);
		return access.clientId;
	}
	if (!requested) throw problems.validation([{ path: "clientId", message: "is required when booking for a client" }]);
	if ((await clientTier(scope, requested)) === null)
		throw problems.validation([{ path: "clientId", message: "must be one of your clients" }]);
	return requested;
}

/** The type, if this client's tier may book it (422 naming `bookingTypeId` otherwise). */
export async function bookableType(scope: TenantScope, bookingTypeId: string, clientId: string): Promise<BookingType> {
	let type: BookingType;
	try {
		type = await getBookingType(scope, bookingTypeId);
	} catch {
		throw problems.validation([{ path: "bookingTypeId", message: "must be one of the agency's booking types" }]);
	}
	const tier = await clientTier(scope, clientId);
	if (!type.active || tier === null || !type.tiers.includes(tier)) {
		throw problems.validation([{ path: "bookingTypeId", message: "is not offered to this client's service tier" }]);
	}
	return type;
}

/** The free slot starting at `startsAt`, or a 422 saying why that time cannot be booked. */
async function slotAt(scope: TenantScope, type: BookingType, startsAt: number, now: number, exceptBookingId?: string): Promise<Slot> {
	const { earliest, latest } = bookableRange(type, now);
	if (startsAt < earliest) {
		throw problems.validation([{ path: "startsAt", message: `must be at least ${type.minNoticeMinutes} minutes from now` }]);
	}
	if (startsAt > latest) throw problems.validation([{ path: "startsAt", message: `must be within ${type.maxAdvanceDays} days` }]);
	const hosts = await hostSchedules(scope, type.hostUserIds, startsAt, startsAt + type.durationMinutes * MINUTE, exceptBookingId);
	const slot = freeSlots(hosts, type, startsAt, startsAt + 1, now).find((s) => s.startsAt === startsAt);
	if (!slot) throw problems.validation([{ path: "startsAt", message: "is not an available time; pick one of the free slots" }]);
	return slot;
}

function takenProblem(): Problem {
	return problems.conflict("startsAt", "was just booked by someone else; pick another time");
}

/** The same request again (retry): same client, type and time. */
function isSameRequest(existing: Booking, clientId: string, input: CreateBookingInput): boolean {
	return existing.clientId === clientId && existing.bookingTypeId === input.bookingTypeId && existing.startsAt === input.startsAt;
}

/**
 * Books a meeting and queues both sides' invitation emails. `created` is false when this was a
 * retry of a booking already made (nothing changes). A booking of kind `kickoff` completes the
 * client's open `kickoff_booking` onboarding step (see ./onboarding-link).
 */
export async function createBooking(
	deps: BookingDeps,
	access: ClientAccess,
	input: CreateBookingInput,
	options: { idempotencyKey?: string; now?: number } = {},
): Promise<{ booking: Booking; created: boolean }> {
	const { scope } = deps;
	const now = options.now ?? Date.now();
	const clientId = await bookingClientId(scope, access, input.clientId);
	const idempotencyKey = options.idempotencyKey ?? null;
	const id = input.id ?? newId(now);
	const retried = await findBooking(scope, { id, idempotencyKey });
	if (retried) {
		if (isSameRequest(retried, clientId, input)) return { booking: retried, created: false };
		throw problems.conflict(idempotencyKey ? "Idempotency-Key" : "id", "was already used for another booking");
	}
	const type = await bookableType(scope, input.bookingTypeId, clientId);
	const slot = await slotAt(scope, type, input.startsAt, now);
	const endsAt = slot.endsAt;
	const blockedUntil = endsAt + type.bufferMinutes * MINUTE;
	for (const hostUserId of slot.hostUserIds) {
		try {
			const result = await scope.db.run(sql`
				INSERT INTO bookings (id, tenant_id, booking_type_id, kind, client_id, booked_by_user_id, host_user_id, starts_at, ends_at,
					blocked_until, client_time_zone, note, status, sequence, confirmed_at, idempotency_key, created_at, updated_at)
				SELECT ${id}, ${scope.tenantId}, ${type.id}, ${type.kind}, ${clientId}, ${access.userId}, ${hostUserId}, ${input.startsAt},
					${endsAt}, ${blockedUntil}, ${input.timeZone}, ${input.note ?? ""}, 'confirmed', 0, ${now}, ${idempotencyKey}, ${now}, ${now}
				WHERE NOT EXISTS (
					SELECT 1 FROM bookings WHERE tenant_id = ${scope.tenantId} AND host_user_id = ${hostUserId} AND status = 'confirmed'
						AND starts_at < ${blockedUntil} AND blocked_until > ${input.startsAt}
				)`);
			if (result.meta.changes === 1) break;
		} catch (error) {
			if (!isUniqueViolation(error)) throw error;
			const raced = await findBooking(scope, { id, idempotencyKey });
			if (raced) {
				if (isSameRequest(raced, clientId, input)) return { booking: raced, created: false };
				throw problems.conflict("id", "was already used for another booking");
			}
		}
	}
	const booking = await findBooking(scope, { id, idempotencyKey: null });
	if (!booking) throw takenProblem();
	await queueBookingEmail(deps, booking, "booked");
	await kickoffBooked(deps, booking);
	return { booking, created: true };
}

/** Clients change a booking only until the type's cut-off before its start; the agency any time. */
async function assertChangeable(scope: TenantScope, access: ClientAccess, booking: Booking, now: number): Promise<BookingType> {
	if (booking.status !== "confirmed") throw new Problem(409, "booking-cancelled", "Already cancelled", "This booking was cancelled.");
	const type = await getBookingType(scope, booking.bookingTypeId);
	if (seesAllClients(access)) return type;
	if (now >= booking.startsAt - type.changeCutoffMinutes * MINUTE) {
		const hours = Math.round((type.changeCutoffMinutes / 60) * 10) / 10;
		throw new Problem(
			409,
			"change-window-closed",
			"Too late to change",
			`Bookings can no longer be changed or cancelled within ${hours} hours of the start. Contact the agency instead.`,
			{ errors: [{ path: "id", message: `cannot be changed within ${hours} hours of the start` }] },
		);
	}
	return type;
}

export async function rescheduleBooking(
	deps: BookingDeps,
	access: ClientAccess,
	id: string,
	input: z.infer<typeof RescheduleBookingBody>,
	now = Date.now(),
): Promise<Booking> {
	const { scope } = deps;
	const current = await getVisibleBooking(scope, access, id);
	const type = await assertChangeable(scope, access, current, now);
	if (input.startsAt === current.startsAt && !input.timeZone) return current;
	const slot = await slotAt(scope, type, input.startsAt, now, current.id);
	const hosts = [current.hostUserId, ...slot.hostUserIds.filter((h) => h !== current.hostUserId)].filter((h) =>
		slot.hostUserIds.includes(h),
	);
	const blockedUntil = slot.endsAt + type.bufferMinutes * MINUTE;
	for (const hostUserId of hosts) {
		try {
			const result = await scope.db.run(sql`
				UPDATE bookings SET host_user_id = ${hostUserId}, starts_at = ${input.startsAt}, ends_at = ${slot.endsAt},
					blocked_until = ${blockedUntil}, client_time_zone = ${input.timeZone ?? current.clientTimeZone},
					sequence = sequence + 1, confirmed_at = ${now}, updated_at = ${now}
				WHERE tenant_id = ${scope.tenantId} AND id = ${current.id} AND status = 'confirmed' AND sequence = ${current.sequence}
					AND NOT EXISTS (
						SELECT 1 FROM bookings b WHERE b.tenant_id = ${scope.tenantId} AND b.host_user_id = ${hostUserId}
							AND b.status = 'confirmed' AND b.id <> ${current.id}
							AND b.starts_at < ${blockedUntil} AND b.blocked_until > ${input.startsAt}
					)`);
			if (result.meta.changes === 1) {
				const moved = await getVisibleBooking(scope, access, id);
				await queueBookingEmail(deps, moved, "rescheduled");
				return moved;
			}
		} catch (error) {
			if (!isUniqueViolation(error)) throw error;
		}
	}
	throw takenProblem();
}

/** Cancels a booking with a reason; cancelling a cancelled booking again changes nothing. */
export async function cancelBooking(
	deps: BookingDeps,
	access: ClientAccess,
	id: string,
	input: z.infer<typeof CancelBookingBody>,
	now = Date.now(),
): Promise<{ booking: Booking; changed: boolean }> {
	const { scope } = deps;
	const current = await getVisibleBooking(scope, access, id);
	if (current.status === "cancelled") return { booking: current, changed: false };
	await assertChangeable(scope, access, current, now);
	const result = await scope.db.run(sql`
		UPDATE bookings SET status = 'cancelled', sequence = sequence + 1, cancel_reason = ${input.reason}, cancelled_at = ${now},
			cancelled_by_user_id = ${access.userId}, updated_at = ${now}
		WHERE tenant_id = ${scope.tenantId} AND id = ${current.id} AND status = 'confirmed'`);
	const booking = await getVisibleBooking(scope, access, id);
	if (result.meta.changes !== 1) return { booking, changed: false };
	await queueBookingEmail(deps, booking, "cancelled");
	await kickoffCancelled(deps, booking, now);
	return { booking, changed: true };
}

async function queueBookingEmail(deps: BookingDeps, booking: Booking, event: BookingEmailEvent): Promise<void> {
	await enqueue(deps.env, {
		type: "booking-email",
		tenantId: deps.scope.tenantId,
		bookingId: booking.id,
		event,
		sequence: booking.sequence,
		idempotencyKey: `booking-email:${booking.id}:${booking.sequence}`,
	});
}
