/**
 * Bookings as signals: the booking types the user may see, free slots of the chosen type in the
 * viewer's own time zone, and their bookings (upcoming or past), with book, move and cancel.
 */
import { signal } from "@preact/signals";
import type { z } from "zod";
import type { BookingDto, BookingTypeDto, SlotsResponse } from "../../../schema/dto/bookings";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { viewerTimeZone } from "../lib/date-format";

export type Booking = z.infer<typeof BookingDto>;
export type BookingType = z.infer<typeof BookingTypeDto>;
export type SlotDay = z.infer<typeof SlotsResponse>["days"][number];

/** How far ahead the picker shows free times: a week keeps the choice (and the page) readable. */
const SLOT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export const bookingTypes = signal<BookingType[] | null>(null);
export const bookingList = signal<Booking[] | null>(null);
export const listWhen = signal<"upcoming" | "past">("upcoming");
export const slotDays = signal<SlotDay[] | null>(null);
export const bookingsProblem = signal<ProblemView | null>(null);

export async function loadBookingTypes(): Promise<void> {
	const result = await fetchJson(() => api.api.v1["booking-types"].$get());
	if (result.ok) bookingTypes.value = result.value.bookingTypes;
	else bookingsProblem.value = result.problem;
}

export async function loadBookings(when = listWhen.value): Promise<void> {
	listWhen.value = when;
	const result = await fetchJson(() => api.api.v1.bookings.$get({ query: { when } }));
	if (result.ok) bookingList.value = result.value.bookings;
	else bookingsProblem.value = result.problem;
}

export async function loadSlots(typeId: string, clientId?: string): Promise<void> {
	slotDays.value = null;
	const from = Date.now();
	const query = { timeZone: viewerTimeZone(), from: String(from), to: String(from + SLOT_WINDOW_MS), ...(clientId ? { clientId } : {}) };
	const result = await fetchJson(() => api.api.v1["booking-types"][":id"].slots.$get({ param: { id: typeId }, query }));
	if (result.ok) slotDays.value = result.value.days;
	else bookingsProblem.value = result.problem;
}

/** Books a slot; the id is made here so a retried request books once. */
export async function bookSlot(typeId: string, startsAt: number, note: string): Promise<Result<Booking>> {
	const json = { id: crypto.randomUUID(), bookingTypeId: typeId, startsAt, timeZone: viewerTimeZone(), ...(note ? { note } : {}) };
	const result = await fetchJson(() => api.api.v1.bookings.$post({ json, header: {} }));
	if (result.ok) await loadBookings("upcoming");
	return result;
}

export async function rescheduleBooking(id: string, startsAt: number): Promise<Result<Booking>> {
	const result = await fetchJson(() =>
		api.api.v1.bookings[":id"].reschedule.$post({ param: { id }, json: { startsAt, timeZone: viewerTimeZone() } }),
	);
	if (result.ok) await loadBookings();
	return result;
}

export async function cancelBooking(id: string, reason: string): Promise<Result<Booking>> {
	const result = await fetchJson(() => api.api.v1.bookings[":id"].cancel.$post({ param: { id }, json: { reason } }));
	if (result.ok) await loadBookings();
	return result;
}
