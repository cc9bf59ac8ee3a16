/**
 * The theme in the running app: <html>'s data-theme (the person's appearance choice, else the
 * agency's default), data-font and data-corners, and the /theme.css link with the agency's colour
 * roles. The Worker writes the same into the HTML shell before first paint (worker/http/branded-shell.ts);
 * this keeps them right after a save or a choice, without a reload. The person's choice is also kept
 * in the `appearance` cookie so the next load paints in it at once (tokens.css defines the values).
 */
import { effect } from "@preact/signals";
import type { PublicBrand } from "../../../schema/dto/branding";
import { DEFAULT_THEME, type PersonAppearance, themeCssHref } from "../../../schema/theme";
import { host, me } from "./session";

const COOKIE = "appearance";
const YEAR_SECONDS = 365 * 24 * 3600;

function themeLink(): HTMLLinkElement {
	let link = document.head.querySelector<HTMLLinkElement>("link[data-theme-css]");
	if (!link) {
		link = document.createElement("link");
		link.rel = "stylesheet";
		link.setAttribute("data-theme-css", "");
		document.head.appendChild(link);
	}
	return link;
}

/** Keeps the person's choice for the Worker's next HTML shell; no choice: the cookie goes. */
function rememberAppearance(appearance: PersonAppearance | null): void {
	const secure = location.protocol === "https:" ? "; secure" : "";
	// biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in older Safari; the value is one of three fixed words.
	document.cookie = appearance
		? `${COOKIE}=${appearance}; path=/; max-age=${YEAR_SECONDS}; samesite=lax${secure}`
		: `${COOKIE}=; path=/; max-age=0; samesite=lax${secure}`;
}

/** Puts a brand's theme and a person's appearance on the document. */
export function applyTheme(brand: PublicBrand | null, appearance: PersonAppearance | null): void {
	const root = document.documentElement;
	root.dataset.theme = appearance ?? brand?.defaultAppearance ?? DEFAULT_THEME.defaultAppearance;
	root.dataset.font = brand?.font ?? DEFAULT_THEME.font;
	root.dataset.corners = brand?.cornerStyle ?? DEFAULT_THEME.cornerStyle;
	const href = brand ? themeCssHref(brand.primaryColor, brand.accentColor) : null;
	const existing = document.head.querySelector<HTMLLinkElement>("link[data-theme-css]");
	if (!href) existing?.remove();
	else if (existing?.getAttribute("href") !== href) themeLink().href = href;
}

/** Keeps the document in the host's theme and the signed-in person's appearance. */
export function followTheme(): () => void {
	return effect(() => {
		const current = host.value;
		const brand = current?.kind === "tenant" ? current.brand : null;
		const signedIn = me.value;
		// Signed out (or not known yet): this device's last choice, as the shell used.
		const appearance = signedIn ? signedIn.profile.appearance : readCookie();
		applyTheme(brand, appearance);
		if (signedIn) rememberAppearance(signedIn.profile.appearance);
	});
}

function readCookie(): PersonAppearance | null {
	const value = /(?:^|;\s*)appearance=([a-z]+)/.exec(document.cookie)?.[1];
	return value === "light" || value === "dark" || value === "system" ? value : null;
}
