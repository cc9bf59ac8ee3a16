/** The branding contract: what every visitor's app gets (public brand) and what admins edit. */
import { z } from "zod";
import { HEX_COLOR } from "../brand-palette";
import { CORNER_STYLES, THEME_FONTS } from "../theme";
import { APPEARANCES } from "../theme-colors";

export { BRAND_ASSET_KINDS, BRAND_ASSET_SPECS, type BrandAssetKind, MAX_BRAND_ASSET_BYTES } from "../brand-assets";

export const PublicBrand = z
	.object({
		primaryColor: z.string(),
		/** The second brand colour (highlights, badges). */
		accentColor: z.string(),
		/** The theme's font: the device's sans-serif, a serif or a rounded face (none is downloaded). */
		font: z.enum(THEME_FONTS),
		cornerStyle: z.enum(CORNER_STYLES),
		/** What people see until they choose light, dark or system for themselves. */
		defaultAppearance: z.enum(APPEARANCES),
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
		accentColor: z.string().trim().toLowerCase().regex(HEX_COLOR, "must be a colour like #f59e0b").optional(),
		font: z.enum(THEME_FONTS, { message: `must be one of ${THEME_FONTS.join(", ")}` }).optional(),
		cornerStyle: z.enum(CORNER_STYLES, { message: `must be one of ${CORNER_STYLES.join(", ")}` }).optional(),
		defaultAppearance: z.enum(APPEARANCES, { message: `must be one of ${APPEARANCES.join(", ")}` }).optional(),
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
