/** The branding contract: what every visitor's app gets (public brand) and what admins edit. */
import { z } from "zod";
import { HEX_COLOR } from "../brand-palette";

export { BRAND_ASSET_KINDS, BRAND_ASSET_SPECS, type BrandAssetKind, MAX_BRAND_ASSET_BYTES } from "../brand-assets";

export const PublicBrand = z
	.object({
		primaryColor: z.string(),
		logoUrl: z.string().nullable(),
		faviconUrl: z.string().nullable(),
		icon192Url: z.string().nullable(),
		icon512Url: z.string().nullable(),
		iconMaskableUrl: z.string().nullable(),
	})
	.meta({ id: "PublicBrand" });
export type PublicBrand = z.infer<typeof PublicBrand>;

export const BrandingSettings = PublicBrand.extend({ name: z.string(), emailSenderName: z.string().nullable() }).meta({
	id: "BrandingSettings",
});
export type BrandingSettings = z.infer<typeof BrandingSettings>;

export const BrandingUpdate = z
	.strictObject({
		name: z.string().trim().min(2, "must be at least 2 characters").max(80, "must be at most 80 characters").optional(),
		primaryColor: z.string().trim().toLowerCase().regex(HEX_COLOR, "must be a colour like #1f4ed8").optional(),
		emailSenderName: z
			.string()
			.trim()
			.min(2, "must be at least 2 characters")
			.max(60, "must be at most 60 characters")
			.regex(/^[^<>"\r\n@]+$/, 'may not contain < > " @ or line breaks')
			.nullable()
			.optional(),
	})
	.meta({ id: "BrandingUpdate" });
export type BrandingUpdate = z.infer<typeof BrandingUpdate>;
