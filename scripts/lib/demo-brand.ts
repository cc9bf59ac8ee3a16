/**
 * The demo agency's brand, so `npm start` shows white label at work: Northwind's colour, accent,
 * pill corners, sender name and a logo (a white "N" on its teal) rendered here into every image the brand page would
 * upload — logo, favicon, app icons, maskable icon — under the content-hashed names the Worker
 * uses, with the SQL of its brand row and the R2 keys the files go to.
 */
import { createHash } from "node:crypto";
import type { BrandAssetKind } from "../../schema/brand-assets";
import { DEMO_AGENCY } from "./demo-seed";
import { type Rgb, type Shape, shapePng } from "./png-encode";

export const DEMO_BRAND = {
	primaryColor: "#0f766e",
	accentColor: "#f97316",
	cornerStyle: "pill",
	emailSenderName: "Northwind Studio Team",
} as const;

const TEAL: Rgb = [0x0f, 0x76, 0x6e];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** A white "N" (two bars and the diagonal between them), shrunk around the centre by `scale`. */
function letterN(scale: number): Shape {
	return (x, y) => {
		const u = (x - 0.5) / scale + 0.5;
		const v = (y - 0.5) / scale + 0.5;
		if (v < 0.22 || v > 0.78) return false;
		if ((u >= 0.28 && u <= 0.4) || (u >= 0.6 && u <= 0.72)) return true;
		const diagonal = 0.34 + ((v - 0.22) / 0.56) * 0.32;
		return Math.abs(u - diagonal) < 0.065;
	};
}

/** Pixel size and scale of each image; the maskable icon keeps the letter inside the safe zone. */
const IMAGES: Record<BrandAssetKind, { size: number; scale: number }> = {
	logo: { size: 256, scale: 1 },
	favicon: { size: 48, scale: 1 },
	"icon-192": { size: 192, scale: 1 },
	"icon-512": { size: 512, scale: 1 },
	"icon-maskable-512": { size: 512, scale: 0.7 },
};

const COLUMNS: Record<BrandAssetKind, string> = {
	logo: "logo_file",
	favicon: "favicon_file",
	"icon-192": "icon_192_file",
	"icon-512": "icon_512_file",
	"icon-maskable-512": "icon_maskable_file",
};

export type DemoBrandFile = { kind: BrandAssetKind; file: string; bytes: Buffer };

/** Every brand image, named `<kind>-<first 16 hex of its SHA-256>.png` as the Worker names uploads. */
export function demoBrandFiles(): DemoBrandFile[] {
	return (Object.keys(IMAGES) as BrandAssetKind[]).map((kind) => {
		const { size, scale } = IMAGES[kind];
		const bytes = shapePng(size, letterN(scale), WHITE, TEAL);
		return { kind, file: `${kind}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}.png`, bytes };
	});
}

/** The R2 key of a brand file (as worker/services/branding/branding.ts stores it). */
export function demoBrandKey(tenantId: string, file: string): string {
	return `tenants/${tenantId}/brand/${file}`;
}

/** The demo agency's brand row; a brand saved since (through the brand page) is kept. */
export function demoBrandSql(files: readonly DemoBrandFile[], now = Date.now()): string {
	const columns = [
		"tenant_id",
		"primary_color",
		"accent_color",
		"corner_style",
		"email_sender_name",
		...files.map((f) => COLUMNS[f.kind]),
		"updated_at",
	];
	const values = [
		"id",
		`'${DEMO_BRAND.primaryColor}'`,
		`'${DEMO_BRAND.accentColor}'`,
		`'${DEMO_BRAND.cornerStyle}'`,
		`'${DEMO_BRAND.emailSenderName}'`,
		...files.map((f) => `'${f.file}'`),
		String(now),
	];
	return `INSERT OR IGNORE INTO tenant_branding (${columns.join(", ")}) SELECT ${values.join(", ")} FROM tenants WHERE slug = '${DEMO_AGENCY.slug}';\n`;
}
