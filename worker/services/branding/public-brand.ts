/** What every visitor's app gets of a tenant's brand: the colour and the URLs of its images (defaults when unset). */
import { DEFAULT_PRIMARY_COLOR } from "../../../schema/brand-palette";
import type { PublicBrand } from "../../../schema/dto/branding";
import type { TenantBrandingRow } from "../../../schema/tables/tenant-branding";

/** Brand files are served on the tenant's own host under this path. */
export const BRAND_FILE_PATH = "/brand/";

function url(file: string | null | undefined): string | null {
	return file ? `${BRAND_FILE_PATH}${file}` : null;
}

export function publicBrandOf(row: TenantBrandingRow | null | undefined): PublicBrand {
	return {
		primaryColor: row?.primaryColor ?? DEFAULT_PRIMARY_COLOR,
		logoUrl: url(row?.logoFile),
		faviconUrl: url(row?.faviconFile),
		icon192Url: url(row?.icon192File),
		icon512Url: url(row?.icon512File),
		iconMaskableUrl: url(row?.iconMaskableFile),
	};
}
