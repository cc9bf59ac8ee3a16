/** The bookings router: booking types, staff availability, free slots, and booking, moving and cancelling. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { hostSchedules, listAvailability, putAvailability } from "../../services/bookings/availability";
import { bookingView, listBookings } from "../../services/bookings/booking-queries";
import {
	createBookingType,
	getBookingType,
	listBookingTypes,
	toBookingTypeDto,
	updateBookingType,
} from "../../services/bookings/booking-types";
import { bookableType, cancelBooking, createBooking, rescheduleBooking } from "../../services/bookings/bookings";
import { freeSlots, slotsByLocalDay } from "../../services/bookings/slots";
import * as routes from "./bookings.routes";

const DEFAULT_SLOT_RANGE_MS = 14 * 24 * 60 * 60 * 1000;

export const bookingsRouter = createRouter()
	.openapi(routes.listTypes, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ bookingTypes: (await listBookingTypes(scope, access)).map(toBookingTypeDto) }, 200);
	})
	.openapi(routes.createType, async (c) => {
		const { scope, auth } = await portalRequest(c);
		const type = await createBookingType(scope, c.req.valid("json"));
		await recordAudit(scope, {
			action: "booking_type.created",
			actor: actorOf(auth),
			target: { type: "booking_type", id: type.id },
			detail: { name: type.name, kind: type.kind },
			...requestOrigin(c),
		});
		return c.json(toBookingTypeDto(type), 201);
	})
	.openapi(routes.updateType, async (c) => {
		const { scope, auth } = await portalRequest(c);
		const body = c.req.valid("json");
		const type = await updateBookingType(scope, c.req.valid("param").id, body);
		await recordAudit(scope, {
			action: "booking_type.updated",
			actor: actorOf(auth),
			target: { type: "booking_type", id: type.id },
			detail: { fields: Object.keys(body).join(",") },
			...requestOrigin(c),
		});
		return c.json(toBookingTypeDto(type), 200);
	})
	.openapi(routes.slots, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id } = c.req.valid("param");
		const query = c.req.valid("query");
		const now = Date.now();
		const clientId = access.kind === "own" ? access.clientId : (query.clientId ?? null);
		let type = await getBookingType(scope, id);
		if (clientId) {
			try {
				type = await bookableType(scope, id, clientId);
			} catch {
				throw problems.notFound("There is no booking type with this id for this client.");
			}
		} else if (access.kind === "own") {
			throw problems.notFound("There is no booking type with this id for this client.");
		}
		const from = query.from ?? now;
		const to = query.to ?? from + DEFAULT_SLOT_RANGE_MS;
		const hosts = await hostSchedules(scope, type.hostUserIds, from, to);
		return c.json({ timeZone: query.timeZone, days: slotsByLocalDay(freeSlots(hosts, type, from, to, now), query.timeZone) }, 200);
	})
	.openapi(routes.listAvailability, async (c) => {
		const { scope } = await portalRequest(c);
		return c.json({ staff: await listAvailability(scope) }, 200);
	})
	.openapi(routes.putAvailability, async (c) => {
		const { scope, auth } = await portalRequest(c);
		const { userId } = c.req.valid("param");
		const body = c.req.valid("json");
		const saved = await putAvailability(scope, userId, body);
		await recordAudit(scope, {
			action: "availability.updated",
			actor: actorOf(auth),
			target: { type: "user", id: userId },
			detail: { timeZone: body.timeZone, windows: body.weekly.length, exceptions: body.exceptions.length },
			...requestOrigin(c),
		});
		return c.json(saved, 200);
	})
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ bookings: await listBookings(scope, access, c.req.valid("query")) }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const { booking, created } = await createBooking({ scope, env: c.env, actor: actorOf(auth) }, access, c.req.valid("json"), {
			idempotencyKey: c.req.valid("header")["idempotency-key"],
		});
		const view = await bookingView(scope, access, booking.id);
		return created ? c.json(view, 201) : c.json(view, 200);
	})
	.openapi(routes.reschedule, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id } = c.req.valid("param");
		await rescheduleBooking({ scope, env: c.env }, access, id, c.req.valid("json"));
		return c.json(await bookingView(scope, access, id), 200);
	})
	.openapi(routes.cancel, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const { id } = c.req.valid("param");
		const body = c.req.valid("json");
		const { changed } = await cancelBooking({ scope, env: c.env, actor: actorOf(auth) }, access, id, body);
		if (changed) {
			await recordAudit(scope, {
				action: "booking.cancelled",
				actor: actorOf(auth),
				target: { type: "booking", id },
				detail: { reason: body.reason.slice(0, 200) },
				...requestOrigin(c),
			});
		}
		return c.json(await bookingView(scope, access, id), 200);
	});
