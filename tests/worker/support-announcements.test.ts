/** Announcements: admins publish banners to every client or a segment; each client person sees theirs and dismisses them for good. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { AnnouncementDto, BannerList } from "../../schema/dto/support";
import { logIn, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { addMember } from "./members";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Announcement = z.infer<typeof AnnouncementDto>;
const HOUR = 60 * 60 * 1000;

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

const publish = (body: Record<string, unknown>, cookie = acme.ownerCookie) => call(acme.host, "/api/v1/announcements", { cookie, body });
const bannerTitles = async (cookie: string) =>
	(await json<z.infer<typeof BannerList>>(call(acme.host, "/api/v1/announcements/banners", { cookie }))).banners.map((b) => b.title);

describe("announcements", () => {
	it("reach the clients of their segment while live, notify them, and stay dismissed per user", async () => {
		const x2 = await addMember(acme.tenantId, "client", `x2@${acme.slug}.test`);
		await json(call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${x2}`, { method: "PUT", cookie: acme.staffCookie }));
		const all = await json<Announcement>(publish({ title: "Office closed Friday", body: "Back Monday.", severity: "info" }), 201);
		await json(publish({ title: "Premium webinar", body: "Join us.", audience: { kind: "tiers", tiers: ["premium"] } }), 201);
		await json(publish({ title: "For Yarrow", body: "Hi.", audience: { kind: "clients", clientIds: [acme.clientY.id] } }), 201);
		await json(
			publish({ title: "Pending setup", body: "Finish onboarding.", audience: { kind: "statuses", statuses: ["pending_setup"] } }),
			201,
		);
		await json(publish({ title: "Later", body: "Not yet.", startsAt: Date.now() + HOUR }), 201);
		await json(publish({ title: "Draft", body: "Unpublished.", published: false }), 201);

		expect(await bannerTitles(acme.xUser.cookie)).toEqual(expect.arrayContaining(["Office closed Friday", "Premium webinar"]));
		expect(await bannerTitles(acme.xUser.cookie)).toHaveLength(2);
		expect((await bannerTitles(acme.yUser.cookie)).sort()).toEqual(["For Yarrow", "Office closed Friday", "Pending setup"]);
		expect((await call(acme.host, "/api/v1/announcements/banners", { cookie: acme.staffCookie })).status).toBe(403);

		const notices = await env.DB.prepare(
			"SELECT user_id, title FROM notifications WHERE tenant_id = ? AND event = 'announcement' AND title = ?",
		)
			.bind(acme.tenantId, "Office closed Friday")
			.all();
		expect(notices.results).toHaveLength(3);

		const dismiss = await call(acme.host, `/api/v1/announcements/${all.id}/dismiss`, { method: "POST", cookie: acme.xUser.cookie });
		expect(dismiss.status).toBe(204);
		expect((await call(acme.host, `/api/v1/announcements/${all.id}/dismiss`, { method: "POST", cookie: acme.xUser.cookie })).status).toBe(
			204,
		);
		expect(await bannerTitles(acme.xUser.cookie)).toEqual(["Premium webinar"]);
		expect(await bannerTitles(await logIn(acme.host, `x2@${acme.slug}.test`))).toContain("Office closed Friday");

		const unpublished = await json<Announcement>(
			call(acme.host, `/api/v1/announcements/${all.id}`, { method: "PATCH", cookie: acme.ownerCookie, body: { published: false } }),
		);
		expect(unpublished.published).toBe(false);
		expect(await bannerTitles(acme.yUser.cookie)).not.toContain("Office closed Friday");
		const edited = await json<Announcement>(
			call(acme.host, `/api/v1/announcements/${all.id}`, {
				method: "PATCH",
				cookie: acme.ownerCookie,
				body: { published: true, title: "Office closed Friday and Monday" },
			}),
		);
		expect(edited.publishedAt).not.toBeNull();
		expect(await bannerTitles(acme.yUser.cookie)).toContain("Office closed Friday and Monday");
		const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE target_id = ? ORDER BY created_at, id").bind(all.id).all();
		expect(audit.results.map((r) => r.action)).toEqual(["announcement.published", "announcement.unpublished", "announcement.published"]);
	});

	it("are written by admins only, with each bad field named, and never cross agencies or clients", async () => {
		expect((await publish({ title: "Hi", body: "x" }, acme.staffCookie)).status).toBe(403);
		expect((await call(acme.host, "/api/v1/announcements", { cookie: acme.xUser.cookie })).status).toBe(403);
		const bad = await publish({ title: "", body: "x", startsAt: 2000, endsAt: 1000, audience: { kind: "tiers", tiers: [] } });
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["title", "audience.tiers"]);
		const window = await publish({ title: "T", body: "x", startsAt: 2000, endsAt: 1000 });
		expect((await problemOf(window)).errors).toEqual([{ path: "endsAt", message: "must be after startsAt" }]);

		const other = await portalAgency(uniqueSlug("other"));
		const foreign = await publish({ title: "T", body: "x", audience: { kind: "clients", clientIds: [other.clientX.id] } });
		expect((await problemOf(foreign)).errors).toEqual([{ path: "audience.clientIds", message: "must list clients of your agency" }]);
		const mine = await json<Announcement>(publish({ title: "Acme only", body: "x" }), 201);
		expect(await bannerTitles(acme.yUser.cookie)).toEqual(["Acme only"]);
		const otherBanners = await json<z.infer<typeof BannerList>>(
			call(other.host, "/api/v1/announcements/banners", { cookie: other.xUser.cookie }),
		);
		expect(otherBanners.banners).toEqual([]);
		const crossEdit = await call(other.host, `/api/v1/announcements/${mine.id}`, {
			method: "PATCH",
			cookie: other.ownerCookie,
			body: { published: false },
		});
		expect(crossEdit.status).toBe(404);
		const crossDismiss = await call(other.host, `/api/v1/announcements/${mine.id}/dismiss`, { method: "POST", cookie: other.xUser.cookie });
		expect(crossDismiss.status).toBe(404);

		const forY = await json<Announcement>(
			publish({ title: "Yarrow only", body: "y", audience: { kind: "clients", clientIds: [acme.clientY.id] } }),
			201,
		);
		const xDismiss = await call(acme.host, `/api/v1/announcements/${forY.id}/dismiss`, { method: "POST", cookie: acme.xUser.cookie });
		expect(xDismiss.status).toBe(404);
		const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM announcements WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(count?.n).toBe(2);
	});
});
