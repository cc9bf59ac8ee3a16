/**
 * Bookings on the start pages: staff see the next bookings across the clients they may see, a
 * client's people only their own client's next booking; a role without `bookings:read` gets null,
 * and another agency sees none of it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { logIn, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { type BookingAgency, type BookingT, book, bookingAgency, HOUR, slotAfter } from "./booking-fixtures";
import { json } from "./portal-fixtures";

type StaffDash = { upcomingBookings: BookingT[] | null };
type ClientDash = { nextBooking: BookingT | null };

let acme: BookingAgency;
let xBooking: BookingT;
let yBooking: BookingT;
beforeEach(async () => {
	acme = await bookingAgency(uniqueSlug("acme"), { tiers: ["premium", "basic"] });
	const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
	xBooking = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt }), 201);
	yBooking = await json<BookingT>(book(acme, acme.staffCookie, { startsAt: startsAt + 2 * HOUR, clientId: acme.clientY.id }), 201);
});

const staffDash = (cookie: string, host = acme.host) => json<StaffDash>(call(host, "/api/v1/dashboard/staff", { cookie }));
const clientDash = (cookie: string) => json<ClientDash>(call(acme.host, "/api/v1/dashboard/client", { cookie }));

describe("bookings on the dashboards", () => {
	it("lists the agency's next bookings with client and time, soonest first, and leaves cancelled ones out", async () => {
		const dash = await staffDash(acme.staffCookie);
		expect(dash.upcomingBookings?.map((b) => [b.clientName, b.startsAt, b.typeName])).toEqual([
			["Xylo Foods", xBooking.startsAt, "Consultation"],
			["Yarrow Labs", yBooking.startsAt, "Consultation"],
		]);
		await json(call(acme.host, `/api/v1/bookings/${yBooking.id}/cancel`, { cookie: acme.staffCookie, body: { reason: "Moved" } }));
		expect((await staffDash(acme.staffCookie)).upcomingBookings?.map((b) => b.id)).toEqual([xBooking.id]);
	});

	it("shows each client's people only their own next booking", async () => {
		expect((await clientDash(acme.xUser.cookie)).nextBooking).toMatchObject({ id: xBooking.id, hostName: expect.any(String) });
		expect((await clientDash(acme.yUser.cookie)).nextBooking).toMatchObject({ id: yBooking.id, clientName: "Yarrow Labs" });
	});

	it("gives null to a role that may not read bookings, 403 to a client on the staff page, and nothing to another agency", async () => {
		const role = await json<{ id: string }>(
			call(acme.host, "/api/v1/roles", { cookie: acme.ownerCookie, body: { name: "Reporting", permissions: ["clients:read"] } }),
			201,
		);
		await json(
			call(acme.host, `/api/v1/members/${acme.staffId}`, { method: "PATCH", cookie: acme.ownerCookie, body: { customRoleId: role.id } }),
		);
		const restricted = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await staffDash(restricted)).upcomingBookings).toBeNull();

		expect((await call(acme.host, "/api/v1/dashboard/staff", { cookie: acme.xUser.cookie })).status).toBe(403);
		const other = await signUpUniqueAgency("other");
		expect((await staffDash(other.ownerCookie, other.host)).upcomingBookings).toEqual([]);
		expect((await call(acme.host, "/api/v1/dashboard/staff", { cookie: other.ownerCookie })).status).toBe(401);
	});
});
