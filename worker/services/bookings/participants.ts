/**
 * Who is in a booking, for its emails: the host (with their time zone), the client's people (in
 * the booker's time zone) and the names each side reads, plus the ICS event of its current state.
 */
import { and, eq, isNull } from "drizzle-orm";
import { type Booking, bookingTypes, clientMembers, clients, tenants, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { buildIcs } from "../../lib/ics";
import { hostTimeZone } from "./availability";

export type Participant = { userId: string; name: string; email: string; timeZone: string; side: "host" | "client" };

export type BookingParticipants = {
	agencyName: string;
	slug: string;
	typeName: string;
	clientName: string;
	host: Participant;
	clientPeople: Participant[];
};

export async function participantsOf(scope: TenantScope, booking: Booking): Promise<BookingParticipants | null> {
	const [row] = await scope.db
		.select({
			agencyName: tenants.name,
			slug: tenants.slug,
			typeName: bookingTypes.name,
			clientName: clients.name,
			hostName: users.name,
			hostEmail: users.email,
		})
		.from(bookingTypes)
		.innerJoin(tenants, eq(tenants.id, bookingTypes.tenantId))
		.innerJoin(clients, and(eq(clients.id, booking.clientId), eq(clients.tenantId, bookingTypes.tenantId)))
		.innerJoin(users, and(eq(users.id, booking.hostUserId), eq(users.tenantId, bookingTypes.tenantId)))
		.where(scope.where(bookingTypes, eq(bookingTypes.id, booking.bookingTypeId)))
		.limit(1);
	if (!row) return null;
	const people = await scope.db
		.select({ userId: users.id, name: users.name, email: users.email })
		.from(clientMembers)
		.innerJoin(users, and(eq(users.id, clientMembers.userId), eq(users.tenantId, clientMembers.tenantId)))
		.where(scope.where(clientMembers, eq(clientMembers.clientId, booking.clientId), isNull(clientMembers.deletedAt)));
	return {
		agencyName: row.agencyName,
		slug: row.slug,
		typeName: row.typeName,
		clientName: row.clientName,
		host: {
			userId: booking.hostUserId,
			name: row.hostName,
			email: row.hostEmail,
			timeZone: await hostTimeZone(scope, booking.hostUserId),
			side: "host",
		},
		clientPeople: people.map((p) => ({ ...p, timeZone: booking.clientTimeZone, side: "client" as const })),
	};
}

/** The booking's calendar event in its current state (cancelled: a CANCEL). */
export function bookingIcs(booking: Booking, who: BookingParticipants, platformDomain: string): string {
	return buildIcs({
		method: booking.status === "cancelled" ? "CANCEL" : "REQUEST",
		uid: `booking-${booking.id}@${platformDomain}`,
		sequence: booking.sequence,
		stampedAt: booking.updatedAt,
		startsAt: booking.startsAt,
		endsAt: booking.endsAt,
		summary: `${who.typeName}: ${who.agencyName} × ${who.clientName}`,
		description: booking.note ? `${who.typeName}\n\n${booking.note}` : who.typeName,
		organizer: { name: who.host.name, email: who.host.email },
		attendees: [who.host, ...who.clientPeople].map((p) => ({ name: p.name, email: p.email })),
	});
}
