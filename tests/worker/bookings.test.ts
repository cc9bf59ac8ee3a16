/** Bookings through the API: tiers, free slots in the viewer's zone, rules, races, retries, emails with ICS, isolation, bad input. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { ROLE_PERMISSIONS } from "../../schema/permissions";
import { EVERY_15_MINUTES, jobsFor } from "../../worker/cron/schedules";
import { createDb, tenantScope } from "../../worker/lib/db";
import { upcomingBookings } from "../../worker/services/bookings/booking-queries";
import { clientAccessFor } from "../../worker/services/portal/client-access";
import { signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { waitForEmails } from "../support/mailbox";
import { runJobs } from "../support/queue";
import {
	type BookingAgency,
	type BookingT,
	type BookingTypeT,
	book,
	bookingAgency,
	bookingMail,
	HOUR,
	type SlotDays,
	slotAfter,
} from "./booking-fixtures";
import { json } from "./portal-fixtures";

let acme: BookingAgency;
beforeEach(async () => {
	acme = await bookingAgency(uniqueSlug("acme"));
});

/** Runs the 15-minute schedule's booking-reminders job at `now`, through the queue consumer. */
async function runReminders(now: number) {
	const jobs: Job[] = jobsFor(EVERY_15_MINUTES, now).filter((j) => j.type === "booking-reminders");
	expect((await runJobs(jobs)).explicitAcks).toHaveLength(1);
}

async function rowCount(): Promise<number> {
	return (
		(await env.DB.prepare("SELECT COUNT(*) AS n FROM bookings WHERE tenant_id = ?").bind(acme.tenantId).first<{ n: number }>())?.n ?? 0
	);
}

describe("booking a consultation", () => {
	it("shows a premium client the slots in their time zone, books once per retry, and both sides see it", async () => {
		const types = await json<{ bookingTypes: BookingTypeT[] }>(call(acme.host, "/api/v1/booking-types", { cookie: acme.xUser.cookie }));
		expect(types.bookingTypes.map((t) => t.name)).toEqual(["Consultation"]);
		const slots = await json<SlotDays>(
			call(acme.host, `/api/v1/booking-types/${acme.type.id}/slots?timeZone=Asia/Kolkata`, { cookie: acme.xUser.cookie }),
		);
		const first = slots.days[0]?.slots[0];
		expect(first?.startsAt).toBeGreaterThanOrEqual(Date.now() + HOUR - 1000);
		// Kolkata is UTC+5:30: a slot on the UTC half hour reads as :00 or :30 shifted by 5h30.
		const utc = new Date(first?.startsAt ?? 0);
		const kolkataMinutes = (utc.getUTCHours() * 60 + utc.getUTCMinutes() + 330) % 1440;
		expect(first?.time).toBe(`${String(Math.floor(kolkataMinutes / 60)).padStart(2, "0")}:${String(kolkataMinutes % 60).padStart(2, "0")}`);

		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const id = crypto.randomUUID();
		const made = await json<BookingT>(book(acme, acme.xUser.cookie, { id, startsAt, note: "About the relaunch" }), 201);
		expect(made).toMatchObject({
			id,
			kind: "consultation",
			clientId: acme.clientX.id,
			hostUserId: acme.staffId,
			status: "confirmed",
			sequence: 0,
		});
		expect(made.endsAt - made.startsAt).toBe(30 * 60_000);
		// A retry of the same request (same id) answers the same booking; so does a retry by Idempotency-Key.
		expect(await json<BookingT>(book(acme, acme.xUser.cookie, { id, startsAt }), 200)).toMatchObject({ id });
		const keyed = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt: startsAt + 2 * HOUR }, { "Idempotency-Key": "k-1" }), 201);
		expect(
			await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt: startsAt + 2 * HOUR }, { "Idempotency-Key": "k-1" }), 200),
		).toMatchObject({
			id: keyed.id,
		});
		expect(await rowCount()).toBe(2);

		const mine = await json<{ bookings: BookingT[] }>(call(acme.host, "/api/v1/bookings", { cookie: acme.xUser.cookie }));
		expect(mine.bookings.map((b) => b.id)).toEqual([id, keyed.id]);
		const staffView = await json<{ bookings: BookingT[] }>(call(acme.host, "/api/v1/bookings", { cookie: acme.staffCookie }));
		expect(staffView.bookings[0]).toMatchObject({ id, clientName: "Xylo Foods", typeName: "Consultation" });
		// The booked time is no longer offered.
		const after = await json<SlotDays>(
			call(acme.host, `/api/v1/booking-types/${acme.type.id}/slots?timeZone=UTC`, { cookie: acme.xUser.cookie }),
		);
		expect(after.days.flatMap((d) => d.slots).some((s) => s.startsAt === startsAt)).toBe(false);

		// The dashboards' helper: staff see both, client Y none.
		const scope = tenantScope(createDb(env.DB), acme.tenantId);
		const staffAccess = await clientAccessFor(scope, { user: { id: acme.staffId }, permissions: ROLE_PERMISSIONS.staff });
		expect((await upcomingBookings(scope, staffAccess)).map((b) => b.id)).toEqual([id, keyed.id]);
		const yAccess = await clientAccessFor(scope, { user: { id: acme.yUser.id }, permissions: ROLE_PERMISSIONS.client });
		expect(await upcomingBookings(scope, yAccess)).toEqual([]);
	});

	it("emails both sides an ICS invitation; a move raises SEQUENCE, a cancel sends METHOD:CANCEL", async () => {
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const made = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt }), 201);
		const [toClient] = await waitForEmails(`x@${acme.slug}.test`, /^Booked: Consultation/);
		await waitForEmails(`staff@${acme.slug}.test`, /^Booked: Consultation/);
		expect(toClient?.text).toContain("(Europe/Berlin)");
		const [booked] = (await bookingMail("booking-booked", acme.tenantId)).filter((m) => m.to === `x@${acme.slug}.test`);
		const invite = booked?.attachments[0];
		expect(invite?.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
		const ics = invite?.content ?? "";
		const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
		expect(ics).toContain("METHOD:REQUEST\r\n");
		expect(ics).toContain(`UID:booking-${made.id}@localhost\r\n`);
		expect(ics).toContain("SEQUENCE:0\r\n");
		expect(ics).toContain(`DTSTART:${utc(startsAt)}\r\n`);
		expect(ics).toContain(`DTEND:${utc(startsAt + 30 * 60_000)}\r\n`);
		expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
		expect(ics).toContain(`mailto:staff@${acme.slug}.test`);
		expect(ics).toContain(`mailto:x@${acme.slug}.test`);

		const moved = await json<BookingT>(
			call(acme.host, `/api/v1/bookings/${made.id}/reschedule`, { cookie: acme.xUser.cookie, body: { startsAt: startsAt + HOUR } }),
		);
		expect(moved).toMatchObject({ startsAt: startsAt + HOUR, sequence: 1 });
		await waitForEmails(`x@${acme.slug}.test`, /^Moved: Consultation/);
		const movedIcs = (await bookingMail("booking-rescheduled", acme.tenantId))[0]?.attachments[0]?.content ?? "";
		expect(movedIcs).toContain(`UID:booking-${made.id}@localhost\r\n`);
		expect(movedIcs).toContain("SEQUENCE:1\r\n");
		expect(movedIcs).toContain(`DTSTART:${utc(startsAt + HOUR)}\r\n`);

		const cancelled = await json<BookingT>(
			call(acme.host, `/api/v1/bookings/${made.id}/cancel`, { cookie: acme.xUser.cookie, body: { reason: "Double-booked on our side" } }),
		);
		expect(cancelled).toMatchObject({ status: "cancelled", sequence: 2, cancelReason: "Double-booked on our side" });
		await waitForEmails(`staff@${acme.slug}.test`, /^Cancelled: Consultation/);
		const cancel = (await bookingMail("booking-cancelled", acme.tenantId))[0]?.attachments[0];
		expect(cancel?.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
		expect(cancel?.content).toContain("METHOD:CANCEL\r\n");
		expect(cancel?.content).toContain("SEQUENCE:2\r\n");
		expect(cancel?.content).toContain("STATUS:CANCELLED\r\n");
		// The slot is free again.
		expect((await book(acme, acme.xUser.cookie, { startsAt: startsAt + HOUR })).status).toBe(201);
	});

	it("never books one host twice, however many requests race for the slot", async () => {
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const responses = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				book(acme, i % 2 ? acme.xUser.cookie : acme.staffCookie, { startsAt, clientId: acme.clientX.id }),
			),
		);
		const statuses = responses.map((r) => r.status).sort();
		expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
		const loser = responses.find((r) => r.status === 409);
		expect((await problemOf(loser as Response)).errors?.[0]?.path).toBe("startsAt");
		// Retries of one request racing each other still book once.
		const id = crypto.randomUUID();
		const retries = await Promise.all(Array.from({ length: 4 }, () => book(acme, acme.xUser.cookie, { id, startsAt: startsAt + HOUR })));
		expect(retries.every((r) => r.status === 200 || r.status === 201)).toBe(true);
		expect(await rowCount()).toBe(2);
	});
});

describe("booking rules", () => {
	it("offers a type only to the tiers it names", async () => {
		const types = await json<{ bookingTypes: BookingTypeT[] }>(call(acme.host, "/api/v1/booking-types", { cookie: acme.yUser.cookie }));
		expect(types.bookingTypes).toEqual([]);
		const slots = await call(acme.host, `/api/v1/booking-types/${acme.type.id}/slots?timeZone=UTC`, { cookie: acme.yUser.cookie });
		expect(slots.status).toBe(404);
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const res = await book(acme, acme.yUser.cookie, { startsAt });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.[0]?.path).toBe("bookingTypeId");
		expect(await rowCount()).toBe(0);
	});

	it("refuses times inside the minimum notice or off the slot grid, and lets clients change only before the cut-off", async () => {
		const soon = await slotAfter(acme, acme.xUser.cookie, 0);
		for (const startsAt of [Date.now() + 10 * 60_000, soon + 7 * 60_000, Date.now() + 40 * 24 * HOUR]) {
			const res = await book(acme, acme.xUser.cookie, { startsAt });
			expect(res.status, String(startsAt)).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe("startsAt");
		}
		// Three hours ahead is inside the 24-hour cut-off: the client may book but not change it; the agency may.
		const near = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt: await slotAfter(acme, acme.xUser.cookie, 3 * HOUR) }), 201);
		const late = await call(acme.host, `/api/v1/bookings/${near.id}/cancel`, { cookie: acme.xUser.cookie, body: { reason: "Ill" } });
		expect(late.status).toBe(409);
		expect((await problemOf(late)).type).toContain("change-window-closed");
		const move = await call(acme.host, `/api/v1/bookings/${near.id}/reschedule`, {
			cookie: acme.xUser.cookie,
			body: { startsAt: near.startsAt + 48 * HOUR },
		});
		expect(move.status).toBe(409);
		const byStaff = await json<BookingT>(
			call(acme.host, `/api/v1/bookings/${near.id}/cancel`, { cookie: acme.staffCookie, body: { reason: "Host ill" } }),
		);
		expect(byStaff.status).toBe("cancelled");
	});

	it("honours dates off and extra hours in the host's own time zone", async () => {
		const tomorrow = new Date(Date.now() + 24 * HOUR).toISOString().slice(0, 10);
		const dayAfter = new Date(Date.now() + 48 * HOUR).toISOString().slice(0, 10);
		await json(
			call(acme.host, `/api/v1/staff-availability/${acme.staffId}`, {
				method: "PUT",
				cookie: acme.staffCookie,
				body: {
					timeZone: "Pacific/Auckland",
					weekly: [],
					exceptions: [
						{ date: tomorrow, windows: [] },
						{ date: dayAfter, windows: [{ start: "10:00", end: "11:00" }] },
					],
				},
			}),
		);
		const slots = await json<SlotDays>(
			call(acme.host, `/api/v1/booking-types/${acme.type.id}/slots?timeZone=Pacific/Auckland`, { cookie: acme.xUser.cookie }),
		);
		expect(slots.days).toEqual([
			{ date: dayAfter, slots: [expect.objectContaining({ time: "10:00" }), expect.objectContaining({ time: "10:30" })] },
		]);
	});
});

describe("bookings are private", () => {
	it("lets only the agency manage types and availability, and a client book only for their own client", async () => {
		const create = await call(acme.host, "/api/v1/booking-types", {
			cookie: acme.xUser.cookie,
			body: { name: "Mine", kind: "consultation", durationMinutes: 30, tiers: ["premium"], hostUserIds: [acme.staffId] },
		});
		expect(create.status).toBe(403);
		const put = await call(acme.host, `/api/v1/staff-availability/${acme.staffId}`, {
			method: "PUT",
			cookie: acme.xUser.cookie,
			body: { timeZone: "UTC", weekly: [], exceptions: [] },
		});
		expect(put.status).toBe(403);
		expect((await call(acme.host, "/api/v1/staff-availability", { cookie: acme.xUser.cookie })).status).toBe(403);
		expect((await call(acme.host, "/api/v1/bookings")).status).toBe(401);
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const other = await book(acme, acme.xUser.cookie, { startsAt, clientId: acme.clientY.id });
		expect(other.status).toBe(422);
		expect((await problemOf(other)).errors?.[0]?.path).toBe("clientId");

		const made = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt }), 201);
		const yList = await json<{ bookings: BookingT[] }>(call(acme.host, "/api/v1/bookings", { cookie: acme.yUser.cookie }));
		expect(yList.bookings).toEqual([]);
		const yCancel = await call(acme.host, `/api/v1/bookings/${made.id}/cancel`, { cookie: acme.yUser.cookie, body: { reason: "x" } });
		expect(yCancel.status).toBe(404);
		const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE tenant_id = ? AND action LIKE 'booking%' ORDER BY created_at")
			.bind(acme.tenantId)
			.all<{ action: string }>();
		expect(audit.results.map((r) => r.action)).toEqual(["booking_type.created"]);
	});

	it("never lets another agency see or touch this agency's types, availability or bookings", async () => {
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const made = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt }), 201);
		const beta = await signUpUniqueAgency("beta");
		const cookie = beta.ownerCookie;
		expect((await json<{ bookings: BookingT[] }>(call(beta.host, "/api/v1/bookings", { cookie }))).bookings).toEqual([]);
		expect((await json<{ bookingTypes: BookingTypeT[] }>(call(beta.host, "/api/v1/booking-types", { cookie }))).bookingTypes).toEqual([]);
		expect((await call(beta.host, `/api/v1/booking-types/${acme.type.id}/slots?timeZone=UTC`, { cookie })).status).toBe(404);
		expect(
			(await call(beta.host, `/api/v1/booking-types/${acme.type.id}`, { method: "PATCH", cookie, body: { name: "Hijack" } })).status,
		).toBe(404);
		expect((await call(beta.host, `/api/v1/bookings/${made.id}/cancel`, { cookie, body: { reason: "x" } })).status).toBe(404);
		const put = await call(beta.host, `/api/v1/staff-availability/${acme.staffId}`, {
			method: "PUT",
			cookie,
			body: { timeZone: "UTC", weekly: [], exceptions: [] },
		});
		expect(put.status).toBe(404);
		// A beta booking against acme's type id is refused, and acme's booking is unchanged.
		const cross = await call(beta.host, "/api/v1/bookings", {
			cookie,
			body: { bookingTypeId: acme.type.id, startsAt, timeZone: "UTC", clientId: acme.clientX.id },
		});
		expect(cross.status).toBe(422);
		const still = await json<{ bookings: BookingT[] }>(call(acme.host, "/api/v1/bookings", { cookie: acme.staffCookie }));
		expect(still.bookings.map((b) => [b.id, b.status])).toEqual([[made.id, "confirmed"]]);
	});

	it("answers bad input with 422 naming the field, and changes nothing", async () => {
		const cases: [string, string, Record<string, unknown>, string][] = [
			["PUT", `/api/v1/staff-availability/${acme.staffId}`, { timeZone: "Mars/Olympus", weekly: [], exceptions: [] }, "timeZone"],
			[
				"PUT",
				`/api/v1/staff-availability/${acme.staffId}`,
				{ timeZone: "UTC", weekly: [{ weekday: 1, start: "17:00", end: "09:00" }], exceptions: [] },
				"weekly.0.end",
			],
			[
				"PUT",
				`/api/v1/staff-availability/${acme.staffId}`,
				{ timeZone: "UTC", weekly: [], exceptions: [{ date: "2026-02-30", windows: [] }] },
				"exceptions.0.date",
			],
			[
				"POST",
				"/api/v1/booking-types",
				{ name: "X", kind: "consultation", durationMinutes: 0, tiers: ["premium"], hostUserIds: [acme.staffId] },
				"durationMinutes",
			],
			[
				"POST",
				"/api/v1/booking-types",
				{ name: "X", kind: "consultation", durationMinutes: 30, tiers: ["gold"], hostUserIds: [acme.staffId] },
				"tiers.0",
			],
			[
				"POST",
				"/api/v1/booking-types",
				{ name: "X", kind: "consultation", durationMinutes: 30, tiers: ["basic"], hostUserIds: [acme.xUser.id] },
				"hostUserIds",
			],
			["POST", "/api/v1/bookings", { bookingTypeId: acme.type.id, startsAt: Date.now() + 48 * HOUR, timeZone: "Nowhere/Land" }, "timeZone"],
		];
		for (const [method, path, body, field] of cases) {
			const res = await call(acme.host, path, { method, cookie: acme.ownerCookie, body });
			expect(res.status, `${path} ${field}`).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
		const slots = await call(acme.host, `/api/v1/booking-types/${acme.type.id}/slots?timeZone=Nowhere`, { cookie: acme.xUser.cookie });
		expect((await problemOf(slots)).errors?.[0]?.path).toBe("timeZone");
		const cancel = await call(acme.host, `/api/v1/bookings/${crypto.randomUUID()}/cancel`, {
			cookie: acme.staffCookie,
			body: { reason: "" },
		});
		expect((await problemOf(cancel)).errors?.[0]?.path).toBe("reason");
		expect(await rowCount()).toBe(0);
		const types = await json<{ bookingTypes: BookingTypeT[] }>(call(acme.host, "/api/v1/booking-types", { cookie: acme.staffCookie }));
		expect(types.bookingTypes).toHaveLength(1);
	});
});

describe("reminders", () => {
	it("go to both sides 24 hours and 1 hour before, each exactly once however often the job runs", async () => {
		const early = await json<BookingT>(
			book(acme, acme.xUser.cookie, { startsAt: await slotAfter(acme, acme.xUser.cookie, 48 * HOUR) }),
			201,
		);
		const late = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt: await slotAfter(acme, acme.xUser.cookie, 3 * HOUR) }), 201);
		const cancelled = await json<BookingT>(
			book(acme, acme.staffCookie, { startsAt: early.startsAt + HOUR, clientId: acme.clientX.id }),
			201,
		);
		await json(call(acme.host, `/api/v1/bookings/${cancelled.id}/cancel`, { cookie: acme.staffCookie, body: { reason: "Not needed" } }));

		const subjects = async () => (await bookingMail("booking-reminder", acme.tenantId)).map((m) => `${m.to} ${m.subject.split(" — ")[0]}`);
		// The late booking was made 3 hours ahead: it never gets "tomorrow", only "in 1 hour".
		await runReminders(late.startsAt - 30 * 60_000);
		await runReminders(late.startsAt - 15 * 60_000);
		expect((await subjects()).sort()).toEqual([
			`staff@${acme.slug}.test Reminder: Consultation in 1 hour`,
			`x@${acme.slug}.test Reminder: Consultation in 1 hour`,
		]);
		const dayBefore = early.startsAt - 23.5 * HOUR;
		await runReminders(dayBefore);
		await runReminders(dayBefore + 15 * 60_000);
		await runReminders(early.startsAt - 45 * 60_000);
		await runReminders(early.startsAt - 30 * 60_000);
		const all = await subjects();
		expect(all.filter((s) => s.endsWith("tomorrow")).sort()).toEqual([
			`staff@${acme.slug}.test Reminder: Consultation tomorrow`,
			`x@${acme.slug}.test Reminder: Consultation tomorrow`,
		]);
		expect(all).toHaveLength(6);
		expect(all.filter((s) => s.endsWith("in 1 hour"))).toHaveLength(4);
	});
});
