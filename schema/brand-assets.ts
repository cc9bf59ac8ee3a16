/** The brand images an agency can have, and the size rules each must meet (zod-free: the PWA imports it). */
export const BRAND_ASSET_KINDS = ["logo", "favicon", "icon-192", "icon-512", "icon-maskable-512"] as const;
export type BrandAssetKind = (typeof BRAND_ASSET_KINDS)[number];

/** Size rules per image: exact squares for icons (the PWA renders them from the logo), bounds for the logo. */
export const BRAND_ASSET_SPECS: Readonly<Record<BrandAssetKind, { minSide: number; maxSide: number; square: boolean }>> = {
	logo: { minSide: 32, maxSide: 1024, square: false },
	favicon: { minSide: 48, maxSide: 48, square: true },
	"icon-192": { minSide: 192, maxSide: 192, square: true },
	"icon-512": { minSide: 512, maxSide: 512, square: true },
	"icon-maskable-512": { minSide: 512, maxSide: 512, square: true },
};

/** The largest brand image accepted, in bytes. */
export const MAX_BRAND_ASSET_BYTES = 512 * 1024;
