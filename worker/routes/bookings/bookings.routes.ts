/** Route declarations of bookings: booking types, staff availability, free slots, booking, moving and cancelling. */
import { createRoute, z } from "@hono/zod-openapi";
import {
	AvailabilityBody,
	AvailabilityDto,
	AvailabilityList,
	BookingDto,
	BookingList,
	BookingListQuery,
	BookingTypeDto,
	BookingTypeList,
	CancelBookingBody,
	CreateBookingBody,
	CreateBookingTypeBody,
	RescheduleBookingBody,
	SlotsQuery,
	SlotsResponse,
	UpdateBookingTypeBody,
} from "../../../schema/dto/bookings";
import { IdParam } from "../../../schema/dto/portal";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Bookings"];
const idParams = z.strictObject({ id: IdParam });
const userParams = z.strictObject({ userId: IdParam });
const readErrors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot see bookings"),
	422: problemContent("A parameter is invalid"),
};
const writeErrors = {
	...WRITE_ERRORS,
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot do this"),
	404: problemContent("No such record (or not yours)"),
	409: problemContent("The time was just taken, the booking is cancelled, or it is too late to change it"),
};
const idempotency = z.object({
	"idempotency-key": z.string().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
});

export const listTypes = createRoute({
	method: "get",
	path: "/api/v1/booking-types",
	tags,
	summary: "Booking types: all of them for the agency; for a client user, the active ones their tier may book",
	middleware: [requirePermission("bookings:read")] as const,
	responses: { 200: jsonContent(BookingTypeList, "The booking types"), ...readErrors },
});

export const createType = createRoute({
	method: "post",
	path: "/api/v1/booking-types",
	tags,
	summary: "Add a booking type (duration, buffer, notice, how far ahead, tiers, bookable staff, change cut-off)",
	middleware: [requirePermission("bookings:manage")] as const,
	request: { body: jsonBody(CreateBookingTypeBody) },
	responses: { 201: jsonContent(BookingTypeDto, "The new booking type"), ...writeErrors },
});

export const updateType = createRoute({
	method: "patch",
	path: "/api/v1/booking-types/{id}",
	tags,
	summary: "Edit a booking type, or retire it with `active: false`",
	middleware: [requirePermission("bookings:manage")] as const,
	request: { params: idParams, body: jsonBody(UpdateBookingTypeBody) },
	responses: { 200: jsonContent(BookingTypeDto, "The booking type as saved"), ...writeErrors },
});

export const slots = createRoute({
	method: "get",
	path: "/api/v1/booking-types/{id}/slots",
	tags,
	summary: "Free slots of a booking type, grouped by date in the viewer's time zone (`timeZone`)",
	middleware: [requirePermission("bookings:read")] as const,
	request: { params: idParams, query: SlotsQuery },
	responses: { 200: jsonContent(SlotsResponse, "The free slots"), 404: problemContent("No such booking type for you"), ...readErrors },
});

export const listAvailability = createRoute({
	method: "get",
	path: "/api/v1/staff-availability",
	tags,
	summary: "Every team member's weekly availability and exceptions, each in their own time zone",
	middleware: [requirePermission("bookings:manage")] as const,
	responses: { 200: jsonContent(AvailabilityList, "The team's availability"), ...readErrors },
});

export const putAvailability = createRoute({
	method: "put",
	path: "/api/v1/staff-availability/{userId}",
	tags,
	summary: "Replace a team member's time zone, weekly windows and dated exceptions (a date off, or extra hours)",
	middleware: [requirePermission("bookings:manage")] as const,
	request: { params: userParams, body: jsonBody(AvailabilityBody) },
	responses: { 200: jsonContent(AvailabilityDto, "The availability as saved"), ...writeErrors },
});

export const list = createRoute({
	method: "get",
	path: "/api/v1/bookings",
	tags,
	summary: "Bookings you may see: upcoming (soonest first) or past (latest first)",
	middleware: [requirePermission("bookings:read")] as const,
	request: { query: BookingListQuery },
	responses: { 200: jsonContent(BookingList, "The bookings"), ...readErrors },
});

export const create = createRoute({
	method: "post",
	path: "/api/v1/bookings",
	tags,
	summary:
		"Book a free slot (client users for their own client; staff name `clientId`). Retries with the same `id` or Idempotency-Key book once",
	middleware: [requirePermission("bookings:book")] as const,
	request: { headers: idempotency, body: jsonBody(CreateBookingBody) },
	responses: {
		200: jsonContent(BookingDto, "A retry: the booking already made"),
		201: jsonContent(BookingDto, "The booking; both sides get an email with an invitation"),
		...writeErrors,
	},
});

export const reschedule = createRoute({
	method: "post",
	path: "/api/v1/bookings/{id}/reschedule",
	tags,
	summary: "Move a booking to another free slot (clients: not within the type's cut-off)",
	middleware: [requirePermission("bookings:book")] as const,
	request: { params: idParams, body: jsonBody(RescheduleBookingBody) },
	responses: { 200: jsonContent(BookingDto, "The booking at its new time"), ...writeErrors },
});

export const cancel = createRoute({
	method: "post",
	path: "/api/v1/bookings/{id}/cancel",
	tags,
	summary: "Cancel a booking with a reason (clients: not within the type's cut-off)",
	middleware: [requirePermission("bookings:book")] as const,
	request: { params: idParams, body: jsonBody(CancelBookingBody) },
	responses: { 200: jsonContent(BookingDto, "The cancelled booking"), ...writeErrors },
});
