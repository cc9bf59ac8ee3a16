/** Booking settings as signals: the team's availability (each in their own time zone) and the booking types, saved through the API. */
import { signal } from "@preact/signals";
import type { z } from "zod";
import type { AvailabilityBody, AvailabilityDto, CreateBookingTypeBody } from "../../../schema/dto/bookings";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { Result } from "../api/request";
import type { BookingType } from "./bookings";

export type StaffAvailability = z.infer<typeof AvailabilityDto>;
export type AvailabilityInput = z.infer<typeof AvailabilityBody>;
export type BookingTypeInput = z.infer<typeof CreateBookingTypeBody>;

export const team = signal<StaffAvailability[] | null>(null);

export async function loadTeamAvailability(): Promise<void> {
	const result = await fetchJson(() => api.api.v1["staff-availability"].$get());
	if (result.ok) team.value = result.value.staff;
}

export async function saveAvailability(userId: string, input: AvailabilityInput): Promise<Result<StaffAvailability>> {
	const result = await fetchJson(() => api.api.v1["staff-availability"][":userId"].$put({ param: { userId }, json: input }));
	if (!result.ok) return result;
	const saved = result.value;
	team.value = (team.value ?? []).map((m) => (m.userId === userId ? saved : m));
	return { ok: true, value: saved };
}

export async function createBookingType(input: BookingTypeInput): Promise<Result<BookingType>> {
	return fetchJson(() => api.api.v1["booking-types"].$post({ json: input }));
}

export async function setBookingTypeActive(id: string, active: boolean): Promise<Result<BookingType>> {
	return fetchJson(() => api.api.v1["booking-types"][":id"].$patch({ param: { id }, json: { active } }));
}
