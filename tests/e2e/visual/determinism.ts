/**
 * What makes a screenshot the same on every run and on CI's fresh Debian machine (same Chromium
 * package): a pinned font shipped from npm (Inter, variable, latin) used for every text instead of
 * whatever fonts the machine has, no animations, transitions or caret, a fixed time zone and locale,
 * reduced motion, device scale 1, and the viewport sizes the baselines are taken at.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContextOptions, Page } from "playwright-core";

export type Theme = "light" | "dark";
export const THEMES: readonly Theme[] = ["light", "dark"];

export type Viewport = { name: "phone" | "desktop"; width: number; height: number; mobile: boolean };
export const VIEWPORTS: readonly Viewport[] = [
	{ name: "phone", width: 390, height: 844, mobile: true },
	{ name: "desktop", width: 1280, height: 800, mobile: false },
];

/** A context whose pages render the same every time (one per viewport; the theme changes inside it). */
export function visualContextOptions(viewport: Viewport): BrowserContextOptions {
	return {
		viewport: { width: viewport.width, height: viewport.height },
		deviceScaleFactor: 1,
		isMobile: viewport.mobile,
		hasTouch: viewport.mobile,
		locale: "en-GB",
		timezoneId: "UTC",
		reducedMotion: "reduce",
		serviceWorkers: "block",
		// The pinned font is a data: URL in an injected stylesheet, which the app's CSP would refuse.
		bypassCSP: true,
	};
}

const FONT_FAMILY = "Atrium Visual Test";

function pinnedCss(): string {
	const file = createRequire(import.meta.url).resolve("@fontsource-variable/inter/files/inter-latin-wght-normal.woff2");
	const font = readFileSync(file).toString("base64");
	return `@font-face { font-family: "${FONT_FAMILY}"; src: url(data:font/woff2;base64,${font}) format("woff2"); font-weight: 100 900; font-style: normal; }
*, *::before, *::after { font-family: "${FONT_FAMILY}" !important; animation: none !important; transition: none !important; caret-color: transparent !important; }`;
}

let css: string | undefined;

/** Puts the pinned font and the no-motion rules on the page's current document and waits until the font is in use. */
export async function pinRendering(page: Page): Promise<void> {
	css ??= pinnedCss();
	await page.addStyleTag({ content: css });
	await page.evaluate(async (family) => {
		await document.fonts.load(`400 16px "${family}"`);
		await document.fonts.load(`700 16px "${family}"`);
		await document.fonts.ready;
	}, FONT_FAMILY);
}

/** Two animation frames: the page has painted what the last change did. */
export async function settled(page: Page): Promise<void> {
	await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}
