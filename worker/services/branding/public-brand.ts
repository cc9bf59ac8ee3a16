/** What every visitor's app gets of a tenant's brand: its colours, theme and the URLs of its images (defaults when unset). */
import { DEFAULT_PRIMARY_COLOR } from "../../../schema/brand-palette";
import type { PublicBrand } from "../../../schema/dto/branding";
import type { TenantBrandingRow } from "../../../schema/tables/tenant-branding";
import { DEFAULT_ACCENT_COLOR, DEFAULT_THEME } from "../../../schema/theme";

/** Brand files are served on the tenant's own host under this path. */
export const BRAND_FILE_PATH = "/brand/";

function url(file: string | null | undefined): string | null {
	return file ? `${BRAND_FILE_PATH}${file}` : null;
}

/**
 * The brand every visitor gets. Colours and images are white label: without it (`whiteLabel` false)
 * they are Atrium's; the font, corners and default appearance are every plan's.
 */
export function publicBrandOf(row: TenantBrandingRow | null | undefined, whiteLabel = true): PublicBrand {
	const branded = whiteLabel ? row : null;
	return {
		primaryColor: branded?.primaryColor ?? DEFAULT_PRIMARY_COLOR,
		accentColor: branded?.accentColor ?? DEFAULT_ACCENT_COLOR,
		font: row?.font ?? DEFAULT_THEME.font,
		cornerStyle: row?.cornerStyle ?? DEFAULT_THEME.cornerStyle,
		defaultAppearance: row?.defaultAppearance ?? DEFAULT_THEME.defaultAppearance,
		logoUrl: url(branded?.logoFile),
		faviconUrl: url(branded?.faviconFile),
		icon192Url: url(branded?.icon192File),
		icon512Url: url(branded?.icon512File),
		iconMaskableUrl: url(branded?.iconMaskableFile),
	};
}
