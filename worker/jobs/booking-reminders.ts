/**
 * Job `booking-reminders` (started by the 15-minute cron): reminds both sides of each confirmed
 * booking 24 hours and 1 hour before it starts. Per booking only the latest reminder that has come
 * due is sent, and only if the booking was already confirmed then (a meeting booked 3 hours ahead
 * gets no "tomorrow" reminder). The outbox key names the booking, its start and the reminder, so a
 * re-run job sends nothing twice and a moved meeting earns fresh reminders.
 * Platform work by nature: it reads every tenant's coming bookings, then sends within each tenant's scope.
 */
import { and, eq, gt, lte } from "drizzle-orm";
import { REMINDER_OFFSETS_MS } from "../../schema/bookings";
import { bookings, tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { bookingReminderEmail } from "../lib/email/bookings";
import { participantsOf } from "../services/bookings/participants";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

const LARGEST_OFFSET = Math.max(...REMINDER_OFFSETS_MS);

/** The reminder (offset before the start) due for a booking at `now`, or null. */
export function dueReminder(booking: { startsAt: number; confirmedAt: number }, now: number): number | null {
	const due = [...REMINDER_OFFSETS_MS]
		.sort((a, b) => a - b)
		.find((offset) => now >= booking.startsAt - offset && booking.confirmedAt < booking.startsAt - offset);
	return due ?? null;
}

function inWords(offset: number): string {
	const hours = offset / 3_600_000;
	return hours >= 24 && hours % 24 === 0
		? hours === 24
			? "tomorrow"
			: `in ${hours / 24} days`
		: `in ${hours} hour${hours === 1 ? "" : "s"}`;
}

export async function runBookingReminders(deps: JobDeps, job: JobOf<"booking-reminders">): Promise<void> {
	const coming = await deps.db
		.select({ booking: bookings })
		.from(bookings)
		.innerJoin(tenants, and(eq(tenants.id, bookings.tenantId), eq(tenants.status, "active")))
		.where(and(eq(bookings.status, "confirmed"), gt(bookings.startsAt, job.now), lte(bookings.startsAt, job.now + LARGEST_OFFSET)));
	let sent = 0;
	for (const { booking } of coming) {
		const offset = dueReminder(booking, job.now);
		if (offset === null) continue;
		const scope = tenantScope(deps.db, booking.tenantId);
		const who = await participantsOf(scope, booking);
		if (!who) continue;
		const identity = await deps.agencyEmail(booking.tenantId);
		for (const person of [who.host, ...who.clientPeople]) {
			const rendered = bookingReminderEmail({
				personName: person.name,
				typeName: who.typeName,
				withName: person.side === "host" ? who.clientName : who.host.name,
				startsAt: booking.startsAt,
				timeZone: person.timeZone,
				url: `${await deps.tenantUrl(booking.tenantId)}/bookings`,
				inWords: inWords(offset),
				brand: identity.brand,
			});
			const outcome = await sendOnce(scope, deps.email, {
				...rendered,
				idempotencyKey: `booking-reminder:${booking.id}:${booking.startsAt}:${offset}:${person.userId}`,
				template: "booking-reminder",
				from: identity.from,
				to: person.email,
			});
			if (outcome === "sent") sent += 1;
		}
	}
	deps.log.info("booking-reminders", { coming: coming.length, sent });
}
