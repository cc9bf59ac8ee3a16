/**
 * The agency's brand in the running app: its favicon, touch icon and theme colour go into the
 * document head (its colours, font and corners are the theme: models/theme.ts); its name and logo
 * are what the header and the signed-out pages show. Follows the host signal, so a saved change
 * shows at once. On an agency's address the app never names Atrium (docs/WHITE-LABEL.md).
 */
import { computed, effect } from "@preact/signals";
import { DEFAULT_PRIMARY_COLOR } from "../../../schema/brand-palette";
import type { PublicBrand } from "../../../schema/dto/branding";
import { host, isPlatformHost, tenant } from "./session";
import { followTheme } from "./theme";

const DEFAULT_FAVICON = { href: "/favicon.svg", type: "image/svg+xml" };
const DEFAULT_TOUCH_ICON = "/icons/apple-touch-icon-180.png";

/** The name the app goes by here: the agency's; Atrium's only on the platform's own host; none while the host is unknown. */
export const siteName = computed(() => tenant.value?.name ?? (isPlatformHost.value ? "Atrium" : null));

/** The agency's uploaded logo when its plan shows one (white label), else null: the app then shows the name alone. */
export const brandLogo = computed(() => (host.value?.kind === "tenant" ? host.value.brand.logoUrl : null));

function headLink(rel: string): HTMLLinkElement {
	let link = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
	if (!link) {
		link = document.createElement("link");
		link.rel = rel;
		document.head.appendChild(link);
	}
	return link;
}

export function applyBrand(brand: PublicBrand | null): void {
	// The colours themselves are the theme's roles (/theme.css and tokens.css), light or dark.
	document.head.querySelector('meta[name="theme-color"]')?.setAttribute("content", brand?.primaryColor ?? DEFAULT_PRIMARY_COLOR);
	const favicon = headLink("icon");
	favicon.href = brand?.faviconUrl ?? DEFAULT_FAVICON.href;
	favicon.type = brand?.faviconUrl ? "image/png" : DEFAULT_FAVICON.type;
	headLink("apple-touch-icon").href = brand?.icon192Url ?? DEFAULT_TOUCH_ICON;
}

/** Keeps the document in the current host's brand and theme (models/theme.ts). */
export function followBrand(): () => void {
	const stopTheme = followTheme();
	const stopBrand = effect(() => {
		const current = host.value;
		applyBrand(current?.kind === "tenant" ? current.brand : null);
	});
	return () => {
		stopTheme();
		stopBrand();
	};
}

/** Shows a brand (and agency name) an admin just saved everywhere in the app at once, without a reload. */
export function showSavedBrand(brand: PublicBrand, name?: string): void {
	const current = host.value;
	if (current?.kind === "tenant") host.value = { ...current, brand, tenant: { ...current.tenant, name: name ?? current.tenant.name } };
}
