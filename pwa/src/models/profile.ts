/**
 * The signed-in person's own profile: saving name, time zone and locale (PATCH /api/v1/me) and
 * the avatar (rendered to a 256-pixel square PNG in the browser, then PUT). Each success updates
 * `me`, so the header's name and every date (lib/date-format.ts) follow at once.
 */
import type { ProfileUpdate } from "../../../schema/dto/profile";
import { api } from "../api/client";
import { fetchJson, fetchRouteJson } from "../api/fetch-json";
import type { Result } from "../api/request";
import { renderSquarePng } from "../lib/brand-images";
import { me } from "./session";

/** The avatar's side in pixels: sharp on high-density screens, far below the 256 KB limit. */
const AVATAR_SIDE = 256;

export async function saveProfile(input: ProfileUpdate) {
	const result = await fetchJson(() => api.api.v1.me.$patch({ json: input }));
	if (result.ok) me.value = result.value;
	return result;
}

function withAvatar(avatarUrl: string | null): void {
	const current = me.value;
	if (current) me.value = { ...current, profile: { ...current.profile, avatarUrl } };
}

type AvatarUpload = typeof api.api.v1.me.avatar.$put;

export async function uploadAvatar(file: File): Promise<Result<unknown>> {
	let png: Blob;
	try {
		png = await renderSquarePng(file, AVATAR_SIDE);
	} catch (error) {
		const detail = error instanceof Error ? error.message : "This picture could not be read.";
		return { ok: false, problem: { status: 0, title: "Avatar", detail, fields: { file: detail }, retryAfterSeconds: null } };
	}
	const result = await fetchRouteJson<AvatarUpload>(() =>
		fetch("/api/v1/me/avatar", { method: "PUT", headers: { "Content-Type": "image/png" }, body: png, credentials: "same-origin" }),
	);
	if (result.ok) withAvatar(result.value.avatarUrl);
	return result;
}

export async function removeAvatar(): Promise<Result<unknown>> {
	const result = await fetchJson(() => api.api.v1.me.avatar.$delete());
	if (result.ok) withAvatar(result.value.avatarUrl);
	return result;
}
