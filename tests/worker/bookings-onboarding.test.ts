/**
 * Bookings complete onboarding: booking a kickoff ticks the client's kickoff step (once, with the
 * booking as its reference); cancelling it reopens the step while onboarding is in progress; another
 * client's onboarding is untouched.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { type BookingAgency, type BookingT, book, bookingAgency, HOUR, slotAfter } from "./booking-fixtures";
import { type RunJson, runOf, startRun } from "./onboarding-fixtures";
import { json } from "./portal-fixtures";

let acme: BookingAgency;
beforeEach(async () => {
	acme = await bookingAgency(uniqueSlug("acme"), { name: "Kickoff call", kind: "kickoff" });
	for (const client of [acme.clientX, acme.clientY]) expect((await startRun(acme, client.id)).ok).toBe(true);
});

async function kickoffOf(clientId: string, cookie: string) {
	const run = await json<RunJson>(runOf(acme, clientId, cookie));
	return run.steps.find((s) => s.kind === "kickoff_booking");
}

describe("a kickoff booking and the onboarding wizard", () => {
	it("completes the client's kickoff step once; a cancel reopens it and a new booking completes it again", async () => {
		expect(await kickoffOf(acme.clientX.id, acme.xUser.cookie)).toMatchObject({ status: "pending" });
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		const made = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt }), 201);
		expect(made.kind).toBe("kickoff");
		expect(await kickoffOf(acme.clientX.id, acme.xUser.cookie)).toMatchObject({ status: "done", data: { ref: made.id } });
		// Staff see the same progress; client Y, who booked nothing, still has the step open.
		expect(await kickoffOf(acme.clientX.id, acme.staffCookie)).toMatchObject({ status: "done" });
		expect(await kickoffOf(acme.clientY.id, acme.yUser.cookie)).toMatchObject({ status: "pending" });

		await json(call(acme.host, `/api/v1/bookings/${made.id}/cancel`, { cookie: acme.xUser.cookie, body: { reason: "Holiday" } }));
		expect(await kickoffOf(acme.clientX.id, acme.xUser.cookie)).toMatchObject({ status: "pending", completedAt: null });
		const reopened = await json<{ events: { actor: string; detail: Record<string, unknown> | null }[] }>(
			call(acme.host, "/api/v1/audit-events?action=onboarding.step_reopened", { cookie: acme.ownerCookie }),
		);
		expect(reopened.events.map((e) => e.detail)).toEqual([expect.objectContaining({ stepId: "kickoff", ref: made.id })]);

		const again = await json<BookingT>(book(acme, acme.xUser.cookie, { startsAt: startsAt + 2 * HOUR }), 201);
		expect(await kickoffOf(acme.clientX.id, acme.xUser.cookie)).toMatchObject({ status: "done", data: { ref: again.id } });
	});

	it("leaves onboarding alone for any other kind of call", async () => {
		const consultation = await json<{ id: string }>(
			call(acme.host, "/api/v1/booking-types", {
				cookie: acme.ownerCookie,
				body: { name: "Consultation", kind: "consultation", durationMinutes: 30, tiers: ["premium"], hostUserIds: [acme.staffId] },
			}),
			201,
		);
		const startsAt = await slotAfter(acme, acme.xUser.cookie, 48 * HOUR);
		await json(book(acme, acme.xUser.cookie, { bookingTypeId: consultation.id, startsAt }), 201);
		expect(await kickoffOf(acme.clientX.id, acme.xUser.cookie)).toMatchObject({ status: "pending" });
	});
});
