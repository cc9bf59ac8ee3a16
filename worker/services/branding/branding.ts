/**
 * Reading and changing an agency's brand: name, primary and accent colours (refused unless their
 * roles meet WCAG AA in light and dark, schema/theme-colors.ts), font, corners, default appearance,
 * email sender name, and its image files in R2. Every change is audited and clears this isolate's host
 * cache, so the new brand shows at once here and within the cache TTL everywhere else. The colour,
 * the sender name and the images are white label (Pro and Agency): on a plan without it they are
 * refused with 403 naming the plan; the agency's name, and removing what was set, are every plan's.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { DEFAULT_PRIMARY_COLOR } from "../../../schema/brand-palette";
import {
	BRAND_ASSET_SPECS,
	type BrandAssetKind,
	type BrandingSettings,
	type BrandingUpdate,
	MAX_BRAND_ASSET_BYTES,
} from "../../../schema/dto/branding";
import { tenantBranding, tenants } from "../../../schema/index";
import type { TenantBrandingRow } from "../../../schema/tables/tenant-branding";
import { DEFAULT_ACCENT_COLOR } from "../../../schema/theme";
import { themeColorProblems } from "../../../schema/theme-colors";
import type { TenantScope } from "../../lib/db";
import { hostCache } from "../../lib/identity-cache";
import { Problem, problems } from "../../lib/problem";
import { type AuditActor, recordAudit } from "../audit/audit-log";
import { assertFeature } from "../billing/entitlements";
import type { RequestOrigin } from "../sessions/sessions";
import { pngSize } from "./png-size";
import { publicBrandOf } from "./public-brand";

const FILE_COLUMN: Record<BrandAssetKind, "logoFile" | "faviconFile" | "icon192File" | "icon512File" | "iconMaskableFile"> = {
	logo: "logoFile",
	favicon: "faviconFile",
	"icon-192": "icon192File",
	"icon-512": "icon512File",
	"icon-maskable-512": "iconMaskableFile",
};

/** R2 key of a tenant's brand file: always under the tenant's own prefix. */
export function brandObjectKey(tenantId: string, file: string): string {
	return `tenants/${tenantId}/brand/${file}`;
}

async function brandingRow(scope: TenantScope): Promise<TenantBrandingRow | null> {
	const [row] = await scope.db.select().from(tenantBranding).where(eq(tenantBranding.tenantId, scope.tenantId)).limit(1);
	return row ?? null;
}

export async function brandingSettings(scope: TenantScope): Promise<BrandingSettings> {
	const [[tenant], row] = await Promise.all([
		scope.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, scope.tenantId)).limit(1),
		brandingRow(scope),
	]);
	return { ...publicBrandOf(row), name: tenant?.name ?? "", emailSenderName: row?.emailSenderName ?? null };
}

/** Writes the brand row (creating it with defaults first), then forgets cached hosts. */
async function saveRow(scope: TenantScope, set: Partial<Omit<TenantBrandingRow, "tenantId">>, now: number): Promise<void> {
	await scope.db
		.insert(tenantBranding)
		.values({ tenantId: scope.tenantId, primaryColor: DEFAULT_PRIMARY_COLOR, updatedAt: now, ...set })
		.onConflictDoUpdate({ target: tenantBranding.tenantId, set: { ...set, updatedAt: now } });
	hostCache.clear();
}

export async function updateBranding(
	scope: TenantScope,
	input: BrandingUpdate,
	who: { actor: AuditActor } & RequestOrigin,
	now = Date.now(),
): Promise<BrandingSettings> {
	// Changing a colour or setting a sender name is white label; saving them unchanged, or clearing the sender, is not.
	// Font, corners and the default appearance are every plan's.
	const current = await brandingRow(scope);
	const primary = current?.primaryColor ?? DEFAULT_PRIMARY_COLOR;
	const accent = current?.accentColor ?? DEFAULT_ACCENT_COLOR;
	const newColour =
		(input.primaryColor !== undefined && input.primaryColor !== primary) ||
		(input.accentColor !== undefined && input.accentColor !== accent);
	const newSender = input.emailSenderName != null && input.emailSenderName !== (current?.emailSenderName ?? null);
	if (newColour || newSender) await assertFeature(scope, "white_label", now);
	if (input.primaryColor !== undefined || input.accentColor !== undefined) {
		// The pair must read in light and dark; a problem names the colour that was sent (or the one that fails).
		const found = themeColorProblems(input.primaryColor ?? primary, input.accentColor ?? accent);
		if (found.length > 0) throw problems.validation(found.map(({ path, message }) => ({ path, message })));
	}
	if (input.name !== undefined) {
		await scope.db.update(tenants).set({ name: input.name, updatedAt: now }).where(eq(tenants.id, scope.tenantId));
	}
	const set: Partial<TenantBrandingRow> = {};
	if (input.primaryColor !== undefined) set.primaryColor = input.primaryColor;
	if (input.emailSenderName !== undefined) set.emailSenderName = input.emailSenderName;
	if (input.accentColor !== undefined) set.accentColor = input.accentColor;
	if (input.font !== undefined) set.font = input.font;
	if (input.cornerStyle !== undefined) set.cornerStyle = input.cornerStyle;
	if (input.defaultAppearance !== undefined) set.defaultAppearance = input.defaultAppearance;
	await saveRow(scope, set, now);
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: who.actor,
		target: { type: "branding", id: scope.tenantId },
		detail: { fields: Object.keys(input).join(",") },
		ip: who.ip,
		userAgent: who.userAgent,
	});
	return brandingSettings(scope);
}

/** Checks an uploaded image against its kind's rules; the problem names `file`. */
function assertValidImage(kind: BrandAssetKind, bytes: Uint8Array): void {
	const spec = BRAND_ASSET_SPECS[kind];
	const fail = (message: string) => problems.validation([{ path: "file", message }]);
	if (bytes.length === 0) throw fail("is empty");
	if (bytes.length > MAX_BRAND_ASSET_BYTES)
		throw new Problem(413, "too-large", "Image too large", `A brand image may be at most ${MAX_BRAND_ASSET_BYTES / 1024} KB.`);
	const size = pngSize(bytes);
	if (!size) throw fail("must be a PNG image");
	const { width, height } = size;
	if (spec.square && width !== height) throw fail(`must be square; this one is ${width}×${height}`);
	if (Math.min(width, height) < spec.minSide || Math.max(width, height) > spec.maxSide) {
		throw fail(
			spec.minSide === spec.maxSide
				? `must be ${spec.minSide}×${spec.minSide} pixels; this one is ${width}×${height}`
				: `must be between ${spec.minSide} and ${spec.maxSide} pixels on each side; this one is ${width}×${height}`,
		);
	}
}

export async function storeBrandAsset(
	files: R2Bucket,
	scope: TenantScope,
	kind: BrandAssetKind,
	bytes: Uint8Array<ArrayBuffer>,
	who: { actor: AuditActor } & RequestOrigin,
	now = Date.now(),
): Promise<BrandingSettings> {
	await assertFeature(scope, "white_label", now);
	assertValidImage(kind, bytes);
	const digest = encodeHexLowerCase(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))).slice(0, 16);
	const file = `${kind}-${digest}.png`;
	await files.put(brandObjectKey(scope.tenantId, file), bytes, {
		httpMetadata: { contentType: "image/png", cacheControl: "public, max-age=31536000, immutable" },
	});
	const previous = (await brandingRow(scope))?.[FILE_COLUMN[kind]];
	await saveRow(scope, { [FILE_COLUMN[kind]]: file }, now);
	if (previous && previous !== file) await files.delete(brandObjectKey(scope.tenantId, previous));
	await recordAudit(scope, {
		action: "tenant.settings_changed",
		actor: who.actor,
		target: { type: "brand-image", id: kind },
		ip: who.ip,
		userAgent: who.userAgent,
	});
	return brandingSettings(scope);
}

export async function removeBrandAsset(
	files: R2Bucket,
	scope: TenantScope,
	kind: BrandAssetKind,
	who: { actor: AuditActor } & RequestOrigin,
	now = Date.now(),
): Promise<BrandingSettings> {
	const previous = (await brandingRow(scope))?.[FILE_COLUMN[kind]];
	if (previous) {
		await saveRow(scope, { [FILE_COLUMN[kind]]: null }, now);
		await files.delete(brandObjectKey(scope.tenantId, previous));
		await recordAudit(scope, {
			action: "tenant.settings_changed",
			actor: who.actor,
			target: { type: "brand-image", id: kind },
			detail: { removed: true },
			ip: who.ip,
			userAgent: who.userAgent,
		});
	}
	return brandingSettings(scope);
}
