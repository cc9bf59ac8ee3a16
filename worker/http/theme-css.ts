/**
 * The agency's colour roles as a stylesheet (`/theme.css?primary=…&accent=…`), linked from the HTML
 * shell before first paint (branded-shell.ts) and by the PWA when an admin saves new colours. The
 * CSP allows no inline style, so the roles come from a small cacheable file: its address holds the
 * two colours, so the same address always answers the same CSS. Neutral roles stay in tokens.css.
 */
import { HEX_COLOR } from "../../schema/brand-palette";
import { type Appearance, colorRoleProperties } from "../../schema/theme-colors";

export { THEME_CSS_PATH, themeCssHref } from "../../schema/theme";

/** The brand roles only (the neutrals do not depend on the agency). */
const BRAND_ROLES = new Set([
	"--color-primary",
	"--color-on-primary",
	"--color-primary-hover",
	"--color-primary-soft",
	"--color-on-primary-soft",
	"--color-link",
	"--color-accent",
	"--color-on-accent",
	"--color-accent-text",
]);

function block(selector: string, primary: string, accent: string, appearance: Appearance): string {
	const props = Object.entries(colorRoleProperties(primary, accent, appearance)).filter(([name]) => BRAND_ROLES.has(name));
	return `${selector}{${props.map(([name, value]) => `${name}:${value}`).join(";")}}`;
}

/** The CSS for a pair of colours (lower-case #rrggbb), in the same selectors tokens.css uses. */
export function themeCss(primary: string, accent: string): string {
	return [
		block(":root", primary, accent, "light"),
		block(':root[data-theme="dark"]', primary, accent, "dark"),
		`@media (prefers-color-scheme: dark){${block(':root[data-theme="system"]', primary, accent, "dark")}}`,
	].join("\n");
}

/** The colours in a /theme.css address, or null when either is missing or not a colour. */
export function themeCssColors(url: URL): { primary: string; accent: string } | null {
	const primary = `#${url.searchParams.get("primary") ?? ""}`.toLowerCase();
	const accent = `#${url.searchParams.get("accent") ?? ""}`.toLowerCase();
	return HEX_COLOR.test(primary) && HEX_COLOR.test(accent) ? { primary, accent } : null;
}
