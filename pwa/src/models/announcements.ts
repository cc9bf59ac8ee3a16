/** Announcements in the app: the banners a client person sees (dismissed for good), and the admins' list of every announcement. */
import { signal } from "@preact/signals";
import type { z } from "zod";
import type { AnnouncementDto, BannerDto, CreateAnnouncementBody } from "../../../schema/dto/support";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";

export type Banner = z.infer<typeof BannerDto>;
export type Announcement = z.infer<typeof AnnouncementDto>;

export const banners = signal<Banner[]>([]);
export const announcements = signal<Announcement[] | null>(null);
export const announcementsProblem = signal<ProblemView | null>(null);

export async function loadBanners(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.announcements.banners.$get());
	if (result.ok) banners.value = result.value.banners;
}

/** Hides the banner at once; it comes back only if the server refused (and says why on the next load). */
export async function dismissBanner(id: string): Promise<void> {
	const before = banners.value;
	banners.value = before.filter((b) => b.id !== id);
	const result = await fetchJson(() => api.api.v1.announcements[":id"].dismiss.$post({ param: { id } }));
	if (!result.ok && result.problem.status !== 404) banners.value = before;
}

export async function loadAnnouncements(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.announcements.$get());
	announcementsProblem.value = result.ok ? null : result.problem;
	if (result.ok) announcements.value = result.value.announcements;
}

export async function createAnnouncement(input: z.input<typeof CreateAnnouncementBody>) {
	const result = await fetchJson(() => api.api.v1.announcements.$post({ json: { id: crypto.randomUUID(), ...input } }));
	if (result.ok) await loadAnnouncements();
	return result;
}

export async function setPublished(id: string, published: boolean) {
	const result = await fetchJson(() => api.api.v1.announcements[":id"].$patch({ param: { id }, json: { published } }));
	if (result.ok) await loadAnnouncements();
	return result;
}
