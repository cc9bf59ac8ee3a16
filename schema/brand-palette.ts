/**
 * An agency's brand colour and the palette the PWA and emails derive from it, with the WCAG 2.x
 * contrast arithmetic that decides whether a colour may be saved. Shared by the Worker (which
 * refuses a colour that fails) and the PWA (which shows the ratio while the admin picks).
 */

export const DEFAULT_PRIMARY_COLOR = "#1f4ed8";

/** WCAG AA for normal text: white button labels on the brand colour, and brand links on white. */
export const MIN_TEXT_CONTRAST = 4.5;

export const HEX_COLOR = /^#[0-9a-f]{6}$/;

type Rgb = readonly [number, number, number];

function parse(hex: string): Rgb {
	const n = Number.parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function format([r, g, b]: Rgb): string {
	return `#${[r, g, b]
		.map((v) =>
			Math.round(Math.min(255, Math.max(0, v)))
				.toString(16)
				.padStart(2, "0"),
		)
		.join("")}`;
}

/** Mixes `hex` toward `toward` by `amount` (0 = unchanged, 1 = `toward`). */
function mix(hex: string, toward: string, amount: number): string {
	const a = parse(hex);
	const b = parse(toward);
	return format([a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount]);
}

/** Relative luminance (WCAG 2.x). */
export function luminance(hex: string): number {
	const [r, g, b] = parse(hex).map((v) => {
		const c = v / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as unknown as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** The ratio rounded down to one decimal, as people quote it ("4.4:1" must not read as passing). */
export function formatRatio(ratio: number): string {
	return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/** Why a brand colour cannot be used, or null when it passes WCAG AA. */
export function brandColorProblem(primary: string): string | null {
	const normalized = primary.toLowerCase();
	if (!HEX_COLOR.test(normalized)) return "must be a colour like #1f4ed8";
	const ratio = contrastRatio(normalized, "#ffffff");
	if (ratio >= MIN_TEXT_CONTRAST) return null;
	return `has a contrast of ${formatRatio(ratio)} with white; WCAG AA needs ${MIN_TEXT_CONTRAST}:1 for button labels and links — choose a darker colour`;
}

export type BrandPalette = { brand: string; brandDark: string; brandSoft: string; brandInk: string };

/** The CSS variables of the app, derived from one passing colour. `brandInk` on `brandSoft` also meets AA. */
export function brandPalette(primary: string): BrandPalette {
	const brand = primary.toLowerCase();
	const brandSoft = mix(brand, "#ffffff", 0.88);
	let brandInk = mix(brand, "#000000", 0.35);
	for (let step = 0.45; contrastRatio(brandInk, brandSoft) < MIN_TEXT_CONTRAST && step <= 1; step += 0.1) {
		brandInk = mix(brand, "#000000", step);
	}
	return { brand, brandDark: mix(brand, "#000000", 0.15), brandSoft, brandInk };
}
