/**
 * Job `booking-email`: tells both sides of a booking that it was booked, moved or cancelled, each
 * in their own time zone, with the ICS invitation (or cancellation) attached. One outbox key per
 * booking, change (sequence) and person, so a redelivered job sends nothing twice; a job overtaken
 * by a newer change sends nothing (the newer change's job tells everyone the current state).
 */
import { eq } from "drizzle-orm";
import { bookings } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { bookingChangeEmail } from "../lib/email/bookings";
import { bookingIcs, participantsOf } from "../services/bookings/participants";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

export async function runBookingEmail(deps: JobDeps, job: JobOf<"booking-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [booking] = await scope.db
		.select()
		.from(bookings)
		.where(scope.where(bookings, eq(bookings.id, job.bookingId)))
		.limit(1);
	if (!booking || booking.sequence !== job.sequence) return;
	const who = await participantsOf(scope, booking);
	if (!who) return;
	const ics = bookingIcs(booking, who, deps.env.PLATFORM_DOMAIN);
	const url = `${await deps.tenantUrl(job.tenantId)}/bookings`;
	const identity = await deps.agencyEmail(job.tenantId);
	for (const person of [who.host, ...who.clientPeople]) {
		const rendered = bookingChangeEmail(
			job.event,
			{
				personName: person.name,
				typeName: who.typeName,
				withName: person.side === "host" ? who.clientName : who.host.name,
				startsAt: booking.startsAt,
				timeZone: person.timeZone,
				url,
				reason: booking.cancelReason,
				brand: identity.brand,
			},
			ics,
		);
		await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `booking:${booking.id}:${booking.sequence}:${person.userId}`,
			template: `booking-${job.event}`,
			from: identity.from,
			to: person.email,
		});
	}
}
