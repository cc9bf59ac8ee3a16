/**
 * A person's own profile: their name, the time zone and locale the app formats dates in, their
 * appearance (light, dark or system) and their avatar. Only the signed-in person changes their own (the user id comes from the session),
 * each change is audited once, and the cached session is refreshed so the new name shows at once.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { AVATAR_MAX_BYTES, AVATAR_MAX_SIDE, AVATAR_MIN_SIDE, type Profile, type ProfileUpdate } from "../../../schema/dto/profile";
import { users } from "../../../schema/index";
import type { ProfileColumns } from "../../env";
import type { TenantScope } from "../../lib/db";
import { Problem, problems } from "../../lib/problem";
import { recordAudit, type Who } from "../audit/audit-log";
import { pngSize } from "../branding/png-size";
import { refreshCachedUser } from "../sessions/sessions";

/** The path the signed-in person reads their avatar from; `v` changes with the picture so caches follow. */
export const AVATAR_PATH = "/api/v1/me/avatar";

export function avatarObjectKey(tenantId: string, file: string): string {
	return `avatars/${tenantId}/${file}`;
}

type ProfileRow = ProfileColumns & { name: string };

async function profileRow(scope: TenantScope, userId: string): Promise<ProfileRow> {
	const [row] = await scope.db
		.select({
			name: users.name,
			timeZone: users.timeZone,
			locale: users.locale,
			avatarFile: users.avatarFile,
			appearance: users.appearance,
		})
		.from(users)
		.where(scope.where(users, eq(users.id, userId)));
	if (!row) throw problems.notFound("No such account.");
	return row;
}

/** The profile /me shows, from the account's columns (also read with the session: SessionAuth.profile). */
export function profileOfRow(row: ProfileColumns): Profile {
	return {
		timeZone: row.timeZone,
		locale: row.locale,
		avatarUrl: row.avatarFile ? `${AVATAR_PATH}?v=${row.avatarFile.slice(-20, -4)}` : null,
		appearance: row.appearance,
	};
}

/** The person's profile as /me shows it. */
export async function profileOf(scope: TenantScope, userId: string): Promise<Profile> {
	return profileOfRow(await profileRow(scope, userId));
}

/** Changes the fields sent (nothing sent, or nothing different: nothing written, nothing audited); answers the new name and profile. */
export async function updateProfile(
	scope: TenantScope,
	userId: string,
	input: ProfileUpdate,
	who: Who,
	now = Date.now(),
): Promise<{ name: string; profile: Profile }> {
	const before = await profileRow(scope, userId);
	const changes: Partial<ProfileRow> = {};
	if (input.name !== undefined && input.name !== before.name) changes.name = input.name;
	if (input.timeZone !== undefined && input.timeZone !== before.timeZone) changes.timeZone = input.timeZone;
	if (input.locale !== undefined && input.locale !== before.locale) changes.locale = input.locale;
	if (input.appearance !== undefined && input.appearance !== before.appearance) changes.appearance = input.appearance;
	const changed = Object.keys(changes);
	if (changed.length === 0) return { name: before.name, profile: profileOfRow(before) };
	await scope.update(users, { ...changes, updatedAt: now }, eq(users.id, userId));
	refreshCachedUser(scope.tenantId, userId);
	await recordAudit(scope, {
		action: "account.profile_changed",
		actor: who.actor,
		target: { type: "user", id: userId },
		detail: { fields: changed.join(",") },
		ip: who.ip,
		userAgent: who.userAgent,
	});
	const after = { ...before, ...changes };
	return { name: after.name, profile: profileOfRow(after) };
}

/** A square PNG within the size limits, or a problem naming `file`. */
function assertValidAvatar(bytes: Uint8Array): void {
	const fail = (message: string) => problems.validation([{ path: "file", message }]);
	if (bytes.length === 0) throw fail("is empty");
	if (bytes.length > AVATAR_MAX_BYTES)
		throw new Problem(413, "too-large", "Image too large", `An avatar may be at most ${AVATAR_MAX_BYTES / 1024} KB.`);
	const size = pngSize(bytes);
	if (!size) throw fail("must be a PNG image");
	if (size.width !== size.height) throw fail(`must be square; this one is ${size.width}×${size.height}`);
	if (size.width < AVATAR_MIN_SIDE || size.width > AVATAR_MAX_SIDE)
		throw fail(`must be between ${AVATAR_MIN_SIDE} and ${AVATAR_MAX_SIDE} pixels on each side; this one is ${size.width}×${size.height}`);
}

async function setAvatarFile(scope: TenantScope, userId: string, file: string | null, who: Who, now: number): Promise<void> {
	await scope.update(users, { avatarFile: file, updatedAt: now }, eq(users.id, userId));
	refreshCachedUser(scope.tenantId, userId);
	await recordAudit(scope, {
		action: "account.profile_changed",
		actor: who.actor,
		target: { type: "user", id: userId },
		detail: { fields: "avatar", removed: file === null },
		ip: who.ip,
		userAgent: who.userAgent,
	});
}

/** Stores a new avatar (the same picture again changes nothing) and removes the one it replaces. */
export async function storeAvatar(
	files: R2Bucket,
	scope: TenantScope,
	userId: string,
	bytes: Uint8Array<ArrayBuffer>,
	who: Who,
	now = Date.now(),
): Promise<Profile> {
	assertValidAvatar(bytes);
	const before = await profileRow(scope, userId);
	const digest = encodeHexLowerCase(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))).slice(0, 16);
	const file = `${userId}-${digest}.png`;
	if (before.avatarFile === file) return profileOfRow(before);
	await files.put(avatarObjectKey(scope.tenantId, file), bytes, { httpMetadata: { contentType: "image/png" } });
	await setAvatarFile(scope, userId, file, who, now);
	if (before.avatarFile) await files.delete(avatarObjectKey(scope.tenantId, before.avatarFile));
	return profileOfRow({ ...before, avatarFile: file });
}

/** Removes the avatar (none: nothing changes). */
export async function removeAvatar(files: R2Bucket, scope: TenantScope, userId: string, who: Who, now = Date.now()): Promise<Profile> {
	const before = await profileRow(scope, userId);
	if (!before.avatarFile) return profileOfRow(before);
	await setAvatarFile(scope, userId, null, who, now);
	await files.delete(avatarObjectKey(scope.tenantId, before.avatarFile));
	return profileOfRow({ ...before, avatarFile: null });
}

/** The person's avatar image, or null when they have none. */
export async function readAvatar(files: R2Bucket, scope: TenantScope, userId: string): Promise<R2ObjectBody | null> {
	const { avatarFile } = await profileRow(scope, userId);
	return avatarFile ? files.get(avatarObjectKey(scope.tenantId, avatarFile)) : null;
}
