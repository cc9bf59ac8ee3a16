/**
 * Booking types an agency offers ("Consultation, 30 min"): the agency lists and edits all of them;
 * a client user sees only the active ones their client's service tier may book.
 */
import { asc, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { BookingTypeDto, CreateBookingTypeBody, UpdateBookingTypeBody } from "../../../schema/dto/bookings";
import { type BookingType, bookingTypes, clients, memberships } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { type ClientAccess, seesAllClients } from "../portal/client-access";

export function toBookingTypeDto(row: BookingType): z.infer<typeof BookingTypeDto> {
	const { tenantId: _tenant, ...rest } = row;
	return rest;
}

/** The tier of a live client, or null when there is no such client. */
export async function clientTier(scope: TenantScope, clientId: string): Promise<string | null> {
	const [row] = await scope.db
		.select({ tier: clients.tier })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, clientId)))
		.limit(1);
	return row?.tier ?? null;
}

export async function listBookingTypes(scope: TenantScope, access: ClientAccess): Promise<BookingType[]> {
	const rows = await scope.db
		.select()
		.from(bookingTypes)
		.where(scope.where(bookingTypes))
		.orderBy(asc(bookingTypes.name), asc(bookingTypes.id));
	if (seesAllClients(access)) return rows;
	const tier = access.kind === "own" && access.clientId ? await clientTier(scope, access.clientId) : null;
	return rows.filter((t) => t.active && tier !== null && t.tiers.includes(tier));
}

/** A booking type of this tenant, or 404. */
export async function getBookingType(scope: TenantScope, id: string): Promise<BookingType> {
	const [row] = await scope.db
		.select()
		.from(bookingTypes)
		.where(scope.where(bookingTypes, eq(bookingTypes.id, id)))
		.limit(1);
	if (!row) throw problems.notFound("There is no booking type with this id.");
	return row;
}

/** 422 unless every host is a staff-side member of this agency. */
async function assertStaffHosts(scope: TenantScope, hostUserIds: string[]): Promise<void> {
	const unique = [...new Set(hostUserIds)];
	const rows = await scope.db
		.select({ userId: memberships.userId })
		.from(memberships)
		.where(scope.where(memberships, inArray(memberships.userId, unique), ne(memberships.role, "client")));
	if (rows.length !== unique.length) {
		throw problems.validation([{ path: "hostUserIds", message: "must all be members of your team" }]);
	}
}

export async function createBookingType(
	scope: TenantScope,
	input: z.infer<typeof CreateBookingTypeBody>,
	now = Date.now(),
): Promise<BookingType> {
	await assertStaffHosts(scope, input.hostUserIds);
	const id = input.id ?? newId(now);
	const [existing] = await scope.db
		.select()
		.from(bookingTypes)
		.where(scope.where(bookingTypes, eq(bookingTypes.id, id)))
		.limit(1);
	if (existing) {
		if (existing.name === input.name) return existing;
		throw problems.conflict("id", "is already used by another record");
	}
	const [row] = await scope
		.insert(bookingTypes, {
			id,
			name: input.name,
			kind: input.kind,
			description: input.description ?? "",
			durationMinutes: input.durationMinutes,
			bufferMinutes: input.bufferMinutes ?? 0,
			minNoticeMinutes: input.minNoticeMinutes ?? 0,
			maxAdvanceDays: input.maxAdvanceDays ?? 60,
			changeCutoffMinutes: input.changeCutoffMinutes ?? 0,
			tiers: [...new Set(input.tiers)],
			hostUserIds: [...new Set(input.hostUserIds)],
			active: input.active ?? true,
			createdAt: now,
			updatedAt: now,
		})
		.returning();
	if (!row) throw new Error("booking type insert returned nothing");
	return row;
}

export async function updateBookingType(
	scope: TenantScope,
	id: string,
	input: z.infer<typeof UpdateBookingTypeBody>,
	now = Date.now(),
): Promise<BookingType> {
	const current = await getBookingType(scope, id);
	if (input.hostUserIds) await assertStaffHosts(scope, input.hostUserIds);
	const [row] = await scope
		.update(
			bookingTypes,
			{
				...input,
				...(input.tiers ? { tiers: [...new Set(input.tiers)] } : {}),
				...(input.hostUserIds ? { hostUserIds: [...new Set(input.hostUserIds)] } : {}),
				updatedAt: now,
			},
			eq(bookingTypes.id, id),
		)
		.returning();
	return row ?? current;
}
