/**
 * An agency's theme beyond its colours, and a person's own appearance choice: the font (from a short
 * list of fonts every device already has — nothing is downloaded), the corner style, the default
 * appearance (light or dark), and what a person may pick (light, dark or system; unset → the agency's).
 * Colours and their contrast rules are in theme-colors.ts.
 */
import { DEFAULT_PRIMARY_COLOR } from "./brand-palette";

export const THEME_FONTS = ["system", "serif", "rounded"] as const;
export type ThemeFont = (typeof THEME_FONTS)[number];

export const CORNER_STYLES = ["sharp", "rounded", "pill"] as const;
export type CornerStyle = (typeof CORNER_STYLES)[number];

export const PERSON_APPEARANCES = ["light", "dark", "system"] as const;
export type PersonAppearance = (typeof PERSON_APPEARANCES)[number];

export const DEFAULT_ACCENT_COLOR = "#f59e0b";
export const DEFAULT_THEME = { font: "system", cornerStyle: "rounded", defaultAppearance: "light" } as const;

/** What the font list shows an admin. */
export const THEME_FONT_LABELS: Record<ThemeFont, string> = {
	system: "System sans-serif (the device's own)",
	serif: "Serif (Charter, Georgia or the device's serif)",
	rounded: "Rounded (the device's rounded face, else a humanist sans)",
};

export const CORNER_STYLE_LABELS: Record<CornerStyle, string> = {
	sharp: "Sharp",
	rounded: "Rounded",
	pill: "Pill (round buttons and fields)",
};

/** Where the agency's colour roles are served as CSS (worker/http/theme-css.ts). */
export const THEME_CSS_PATH = "/theme.css";

/** The stylesheet's address for a brand's colours; null when they are Atrium's own (tokens.css has them). */
export function themeCssHref(primary: string, accent: string): string | null {
	if (primary === DEFAULT_PRIMARY_COLOR && accent === DEFAULT_ACCENT_COLOR) return null;
	return `${THEME_CSS_PATH}?primary=${primary.slice(1)}&accent=${accent.slice(1)}`;
}
