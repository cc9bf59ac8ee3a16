/** Test data for bookings: a portal agency whose staff member is bookable all day (UTC) for a premium-only consultation. */
import { env } from "cloudflare:workers";
import { call } from "../support/http";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

export type BookingTypeT = { id: string; name: string; kind: string; tiers: string[]; hostUserIds: string[]; changeCutoffMinutes: number };
export type SlotDays = { timeZone: string; days: { date: string; slots: { startsAt: number; endsAt: number; time: string }[] }[] };
export type BookingT = {
	id: string;
	kind: string;
	clientId: string;
	clientName: string;
	hostUserId: string;
	hostName: string;
	typeName: string;
	startsAt: number;
	endsAt: number;
	status: string;
	sequence: number;
	cancelReason: string | null;
};

export const HOUR = 3_600_000;
export const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" }));

export type BookingAgency = PortalAgency & { type: BookingTypeT };

export async function bookingAgency(slug: string, typeOverrides: Record<string, unknown> = {}): Promise<BookingAgency> {
	const a = await portalAgency(slug);
	await json(
		call(a.host, `/api/v1/staff-availability/${a.staffId}`, {
			method: "PUT",
			cookie: a.ownerCookie,
			body: { timeZone: "UTC", weekly: ALL_WEEK, exceptions: [] },
		}),
	);
	const type = await json<BookingTypeT>(
		call(a.host, "/api/v1/booking-types", {
			cookie: a.ownerCookie,
			body: {
				name: "Consultation",
				kind: "consultation",
				durationMinutes: 30,
				bufferMinutes: 0,
				minNoticeMinutes: 60,
				maxAdvanceDays: 30,
				changeCutoffMinutes: 24 * 60,
				tiers: ["premium"],
				hostUserIds: [a.staffId],
				...typeOverrides,
			},
		}),
		201,
	);
	return { ...a, type };
}

/** The first free slot at least `afterMs` from now, as a client of `cookie` sees it. */
export async function slotAfter(a: BookingAgency, cookie: string, afterMs: number, timeZone = "UTC"): Promise<number> {
	const slots = await json<SlotDays>(
		call(a.host, `/api/v1/booking-types/${a.type.id}/slots?timeZone=${encodeURIComponent(timeZone)}`, { cookie }),
	);
	const start = slots.days.flatMap((d) => d.slots).find((s) => s.startsAt >= Date.now() + afterMs);
	if (!start) throw new Error("no free slot");
	return start.startsAt;
}

export function book(a: BookingAgency, cookie: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
	return call(a.host, "/api/v1/bookings", { cookie, headers, body: { bookingTypeId: a.type.id, timeZone: "Europe/Berlin", ...body } });
}

/** Emails of one template sent by one agency (the tests of a file share storage), oldest first, with their attachments. */
export async function bookingMail(template: string, tenantId: string) {
	const rows = await env.DB.prepare(
		'SELECT to_address AS "to", subject, text_body AS text, attachments, status FROM email_outbox WHERE template = ? AND tenant_id = ? ORDER BY created_at, to_address',
	)
		.bind(template, tenantId)
		.all<{ to: string; subject: string; text: string; attachments: string | null; status: string }>();
	return rows.results.map((r) => ({
		...r,
		attachments: r.attachments ? (JSON.parse(r.attachments) as { filename: string; contentType: string; content: string }[]) : [],
	}));
}
