/**
 * Announcements: banners an admin writes for every client or a segment, shown between their start
 * and end times while published. Each user dismisses a banner once, for good. Publishing (and
 * editing a published banner's audience) notifies the people who see it now, once per banner.
 */
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { z } from "zod";
import type { AnnouncementDto, BannerDto, CreateAnnouncementBody, UpdateAnnouncementBody } from "../../../schema/dto/support";
import { type Announcement, announcementDismissals, announcements, clients } from "../../../schema/index";
import type { Job } from "../../../schema/jobs";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { notify } from "../notifications/notify";
import { linkedClientId } from "../portal/client-access";
import { type Audience, audienceColumns, audienceIncludes, audienceOf, audiencePeople } from "./announcement-audience";

export type AnnouncementView = z.infer<typeof AnnouncementDto>;
export type Banner = z.infer<typeof BannerDto>;
export type Enqueue = (job: Job) => Promise<void>;

export function toAnnouncementDto(row: Announcement): AnnouncementView {
	return {
		id: row.id,
		title: row.title,
		body: row.body,
		severity: row.severity,
		audience: audienceOf(row),
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		published: row.publishedAt !== null,
		publishedAt: row.publishedAt,
		createdAt: row.createdAt,
		updatedAt: row.updatedAt,
	};
}

export async function listAnnouncements(scope: TenantScope): Promise<AnnouncementView[]> {
	const rows = await scope.db
		.select()
		.from(announcements)
		.where(scope.where(announcements))
		.orderBy(desc(announcements.startsAt), desc(announcements.id))
		.limit(200);
	return rows.map(toAnnouncementDto);
}

async function findAnnouncement(scope: TenantScope, id: string): Promise<Announcement> {
	const [row] = await scope.db
		.select()
		.from(announcements)
		.where(scope.where(announcements, eq(announcements.id, id)))
		.limit(1);
	if (!row) throw problems.notFound("There is no announcement with this id.");
	return row;
}

async function assertAudience(scope: TenantScope, audience: Audience): Promise<void> {
	if (audience.kind !== "clients") return;
	const wanted = [...new Set(audience.clientIds)];
	const found = await scope.db
		.select({ id: clients.id })
		.from(clients)
		.where(scope.where(clients, inArray(clients.id, wanted), isNull(clients.deletedAt)));
	if (found.length !== wanted.length) {
		throw problems.validation([{ path: "audience.clientIds", message: "must list clients of your agency" }]);
	}
}

function assertWindow(startsAt: number, endsAt: number | null): void {
	if (endsAt !== null && endsAt <= startsAt) throw problems.validation([{ path: "endsAt", message: "must be after startsAt" }]);
}

/** Tells the audience once per banner, when it is published and already started. */
async function announce(scope: TenantScope, enqueue: Enqueue, row: Announcement, now: number): Promise<void> {
	if (row.publishedAt === null || row.startsAt > now || (row.endsAt !== null && row.endsAt <= now)) return;
	await notify(scope, enqueue, await audiencePeople(scope, row), {
		event: "announcement",
		title: row.title,
		body: row.body.slice(0, 140),
		url: "/",
		dedupeKey: `announcement:${row.id}`,
	});
}

/** Creates a banner; a retry with the same id returns the one already made. */
export async function createAnnouncement(
	scope: TenantScope,
	enqueue: Enqueue,
	userId: string,
	input: z.infer<typeof CreateAnnouncementBody>,
	now = Date.now(),
): Promise<{ announcement: AnnouncementView; created: boolean }> {
	const id = input.id ?? newId(now);
	const [existing] = await scope.db
		.select()
		.from(announcements)
		.where(scope.where(announcements, eq(announcements.id, id)))
		.limit(1);
	if (existing) {
		if (existing.title !== input.title) throw problems.conflict("id", "is already used by another record");
		return { announcement: toAnnouncementDto(existing), created: false };
	}
	const startsAt = input.startsAt ?? now;
	const endsAt = input.endsAt ?? null;
	assertWindow(startsAt, endsAt);
	await assertAudience(scope, input.audience);
	const [row] = await scope
		.insert(announcements, {
			id,
			title: input.title,
			body: input.body,
			severity: input.severity,
			...audienceColumns(input.audience),
			startsAt,
			endsAt,
			publishedAt: input.published ? now : null,
			createdByUserId: userId,
			createdAt: now,
			updatedAt: now,
		})
		.returning();
	if (!row) throw new Error("announcement insert returned nothing");
	await announce(scope, enqueue, row, now);
	return { announcement: toAnnouncementDto(row), created: true };
}

export async function updateAnnouncement(
	scope: TenantScope,
	enqueue: Enqueue,
	id: string,
	input: z.infer<typeof UpdateAnnouncementBody>,
	now = Date.now(),
): Promise<{ before: Announcement; after: AnnouncementView }> {
	const before = await findAnnouncement(scope, id);
	assertWindow(input.startsAt ?? before.startsAt, input.endsAt === undefined ? before.endsAt : input.endsAt);
	if (input.audience) await assertAudience(scope, input.audience);
	const { published, audience, ...fields } = input;
	const publishedAt = published === undefined ? before.publishedAt : published ? (before.publishedAt ?? now) : null;
	const [row] = await scope
		.update(
			announcements,
			{ ...fields, ...(audience ? audienceColumns(audience) : {}), publishedAt, updatedAt: now },
			eq(announcements.id, id),
		)
		.returning();
	if (!row) throw problems.notFound("There is no announcement with this id.");
	await announce(scope, enqueue, row, now);
	return { before, after: toAnnouncementDto(row) };
}

/** Published banners live now for a user's client that they have not dismissed; none for the agency's people. */
export async function bannersFor(scope: TenantScope, userId: string, now = Date.now()): Promise<Banner[]> {
	const clientId = await linkedClientId(scope, userId);
	if (!clientId) return [];
	const [client] = await scope.db
		.select({ id: clients.id, tier: clients.tier, status: clients.status })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, clientId)))
		.limit(1);
	if (!client) return [];
	const rows = await scope.db
		.select({ announcement: announcements, dismissedAt: announcementDismissals.dismissedAt })
		.from(announcements)
		.leftJoin(
			announcementDismissals,
			and(
				eq(announcementDismissals.announcementId, announcements.id),
				eq(announcementDismissals.tenantId, announcements.tenantId),
				eq(announcementDismissals.userId, userId),
			),
		)
		.where(
			scope.where(
				announcements,
				isNotNull(announcements.publishedAt),
				lte(announcements.startsAt, now),
				or(isNull(announcements.endsAt), gt(announcements.endsAt, now)),
			),
		)
		.orderBy(desc(announcements.startsAt));
	return rows
		.filter((r) => r.dismissedAt === null && audienceIncludes(r.announcement, client))
		.map(({ announcement: a }) => ({ id: a.id, title: a.title, body: a.body, severity: a.severity, startsAt: a.startsAt }));
}

/** Remembers that the user dismissed a banner they can see (404 otherwise); dismissing twice changes nothing. */
export async function dismissBanner(scope: TenantScope, userId: string, id: string, now = Date.now()): Promise<void> {
	const visible = await bannersFor(scope, userId, now);
	if (!visible.some((b) => b.id === id)) {
		const [already] = await scope.db
			.select({ at: announcementDismissals.dismissedAt })
			.from(announcementDismissals)
			.where(scope.where(announcementDismissals, eq(announcementDismissals.announcementId, id), eq(announcementDismissals.userId, userId)))
			.limit(1);
		if (already) return;
		throw problems.notFound("There is no announcement with this id for you.");
	}
	await scope.insert(announcementDismissals, { announcementId: id, userId, dismissedAt: now }).onConflictDoNothing();
}
