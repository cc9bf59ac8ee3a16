/**
 * The colour roles of an agency's theme, for light and dark, derived from its primary and accent
 * colours so that every text on every role meets WCAG AA (4.5:1). Pure and shared: the Worker
 * refuses a theme whose roles cannot be derived (naming the field and the appearance), the shell
 * and the PWA write the roles into CSS custom properties (`--color-*`, pwa/src/styles/tokens.css).
 *
 * The agency's colours are used exactly as fills (buttons, accents): text on the primary is white
 * (brand-palette.ts's rule), text on the accent is white or near-black, whichever reads. The roles
 * that put brand colour on a background (links, the ink on a tinted chip) are shifted toward black
 * (light) or white (dark) until they reach 4.5:1, by at most MAX_SHIFT; beyond that the colour is
 * no longer the agency's and saving is refused.
 */
import { brandColorProblem, contrastRatio, formatRatio, HEX_COLOR, MIN_TEXT_CONTRAST } from "./brand-palette";

export const APPEARANCES = ["light", "dark"] as const;
export type Appearance = (typeof APPEARANCES)[number];

/** How far a derived text colour may move toward black or white (0–1 of the way) to become readable. */
export const MAX_SHIFT = 0.6;

/** The neutral colours of each appearance (the same for every agency). */
export const NEUTRALS = {
	light: {
		canvas: "#f3f4f6",
		surface: "#ffffff",
		text: "#111827",
		muted: "#4b5563",
		border: "#d1d5db",
		inputBorder: "#6b7280",
		danger: "#b91c1c",
		dangerSoft: "#fef2f2",
		onDangerSoft: "#7f1d1d",
		warningSoft: "#fef3c7",
		onWarningSoft: "#78350f",
		success: "#15803d",
		successSoft: "#dcfce7",
		onSuccessSoft: "#14532d",
		focus: "#f59e0b",
		skeleton: "#e5e7eb",
	},
	dark: {
		canvas: "#0f172a",
		surface: "#1e293b",
		text: "#f1f5f9",
		muted: "#cbd5e1",
		border: "#334155",
		inputBorder: "#94a3b8",
		danger: "#fca5a5",
		dangerSoft: "#450a0a",
		onDangerSoft: "#fecaca",
		warningSoft: "#422006",
		onWarningSoft: "#fde68a",
		success: "#166534",
		successSoft: "#052e16",
		onSuccessSoft: "#bbf7d0",
		focus: "#fbbf24",
		skeleton: "#334155",
	},
} as const satisfies Record<Appearance, Record<string, string>>;

/** The brand-derived roles of one appearance. */
export type BrandRoles = {
	primary: string;
	onPrimary: string;
	primaryHover: string;
	primarySoft: string;
	onPrimarySoft: string;
	link: string;
	accent: string;
	onAccent: string;
	accentText: string;
};

type Rgb = readonly [number, number, number];
const parse = (hex: string): Rgb => {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const format = (rgb: readonly number[]): string =>
	`#${rgb
		.map((v) =>
			Math.round(Math.min(255, Math.max(0, v)))
				.toString(16)
				.padStart(2, "0"),
		)
		.join("")}`;

/** `hex` moved toward `toward` by `amount` (0 = unchanged, 1 = `toward`), in sRGB. */
export function mix(hex: string, toward: string, amount: number): string {
	const a = parse(hex);
	const b = parse(toward);
	return format(a.map((v, i) => v + ((b[i] ?? 0) - v) * amount));
}

/**
 * `color` shifted toward `toward` in steps of 5 % until it reaches 4.5:1 against every background,
 * or null when that takes more than MAX_SHIFT.
 */
export function readableOn(color: string, backgrounds: readonly string[], toward: string): string | null {
	for (let step = 0; step <= Math.round(MAX_SHIFT * 20); step++) {
		const candidate = mix(color, toward, step / 20);
		if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= MIN_TEXT_CONTRAST)) return candidate;
	}
	return null;
}

/** White or the light theme's text colour on a fill, whichever contrasts more. */
export function textOn(fill: string): string {
	const dark = NEUTRALS.light.text;
	return contrastRatio(fill, "#ffffff") >= contrastRatio(fill, dark) ? "#ffffff" : dark;
}

export type ThemeProblem = { path: "primaryColor" | "accentColor"; message: string };
type Derived = { roles: BrandRoles; problems: ThemeProblem[] };

/** The brand roles of one appearance from a primary and an accent colour (lower-case #rrggbb), and what fails. */
export function brandRoles(primary: string, accent: string, appearance: Appearance): Derived {
	const n = NEUTRALS[appearance];
	const toward = appearance === "light" ? "#000000" : "#ffffff";
	const problems: ThemeProblem[] = [];
	const derive = (path: ThemeProblem["path"], color: string, on: readonly string[], what: string): string => {
		const found = readableOn(color, on, toward);
		if (found) return found;
		const shade = appearance === "light" ? "too light" : "too dark";
		problems.push({
			path,
			message: `is ${shade} to use as ${what} in the ${appearance} appearance; choose a ${appearance === "light" ? "darker" : "lighter"} colour`,
		});
		return n.text;
	};
	const primarySoft = mix(primary, appearance === "light" ? "#ffffff" : n.surface, appearance === "light" ? 0.88 : 0.7);
	const onAccent = textOn(accent);
	if (contrastRatio(accent, onAccent) < MIN_TEXT_CONTRAST && !problems.some((p) => p.path === "accentColor")) {
		problems.push({
			path: "accentColor",
			message: `reads at best ${formatRatio(contrastRatio(accent, onAccent))} with white or dark text on it; WCAG AA needs ${MIN_TEXT_CONTRAST}:1 — choose a lighter or darker colour`,
		});
	}
	const roles: BrandRoles = {
		primary,
		onPrimary: "#ffffff",
		primaryHover: mix(primary, "#000000", 0.15),
		primarySoft,
		onPrimarySoft: derive(
			"primaryColor",
			appearance === "light" ? mix(primary, "#000000", 0.35) : primary,
			[primarySoft],
			"text on a tinted background",
		),
		link: derive("primaryColor", primary, [n.surface, n.canvas], "link text"),
		accent,
		onAccent,
		accentText: derive("accentColor", accent, [n.surface, n.canvas], "text"),
	};
	return { roles, problems };
}

/** Why a theme's colours cannot be saved (each naming its field), empty when light and dark both meet WCAG AA. */
export function themeColorProblems(primaryColor: string, accentColor: string): ThemeProblem[] {
	const primary = primaryColor.toLowerCase();
	const accent = accentColor.toLowerCase();
	const problems: ThemeProblem[] = [];
	const primaryProblem = brandColorProblem(primary);
	if (primaryProblem) problems.push({ path: "primaryColor", message: primaryProblem });
	if (!HEX_COLOR.test(accent)) problems.push({ path: "accentColor", message: "must be a colour like #f59e0b" });
	if (problems.length > 0) return problems;
	for (const appearance of APPEARANCES) {
		for (const problem of brandRoles(primary, accent, appearance).problems) {
			if (!problems.some((p) => p.path === problem.path)) problems.push(problem);
		}
	}
	return problems;
}

/** Every colour role of an appearance, by CSS custom property name (`--color-…`). */
export function colorRoleProperties(primary: string, accent: string, appearance: Appearance): Record<string, string> {
	const n = NEUTRALS[appearance];
	const r = brandRoles(primary.toLowerCase(), accent.toLowerCase(), appearance).roles;
	return {
		"--color-primary": r.primary,
		"--color-on-primary": r.onPrimary,
		"--color-primary-hover": r.primaryHover,
		"--color-primary-soft": r.primarySoft,
		"--color-on-primary-soft": r.onPrimarySoft,
		"--color-link": r.link,
		"--color-accent": r.accent,
		"--color-on-accent": r.onAccent,
		"--color-accent-text": r.accentText,
		"--color-canvas": n.canvas,
		"--color-surface": n.surface,
		"--color-text": n.text,
		"--color-muted": n.muted,
		"--color-border": n.border,
		"--color-input-border": n.inputBorder,
		"--color-danger": n.danger,
		"--color-danger-soft": n.dangerSoft,
		"--color-on-danger-soft": n.onDangerSoft,
		"--color-warning-soft": n.warningSoft,
		"--color-on-warning-soft": n.onWarningSoft,
		"--color-success": n.success,
		"--color-success-soft": n.successSoft,
		"--color-on-success-soft": n.onSuccessSoft,
		"--color-focus": n.focus,
		"--color-skeleton": n.skeleton,
	};
}
