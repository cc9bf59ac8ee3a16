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

/**
 * Dates and times the server stamped (a message's time, "5 minutes ago") differ on every run: each is
 * replaced, in the text people see, by a fixed one of the same form (en-GB, as the context's locale
 * writes them), so the layout keeps its shape and the shot stays the same. Answers how many it replaced.
 */
export function freezeDatesAndTimes(page: Page): Promise<number> {
	return page.evaluate(() => {
		const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
		const rules: [RegExp, string][] = [
			[new RegExp(`\\b\\d{1,2} ${MONTH} \\d{4}, \\d{1,2}:\\d{2}`, "g"), "1 Jan 2026, 09:00"],
			[new RegExp(`\\b\\d{1,2} ${MONTH} \\d{4}`, "g"), "1 Jan 2026"],
			[new RegExp(`\\b\\d{1,2} ${MONTH}\\b`, "g"), "1 Jan"],
			[/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g, "01/01/2026"],
			[/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, "09:00"],
			[/\b(?:\d+|a|an) (?:second|minute|hour|day|week|month|year)s? ago\b/g, "2 hours ago"],
			[/\bjust now\b/gi, "2 hours ago"],
		];
		let replaced = 0;
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			let text = node.nodeValue ?? "";
			for (const [pattern, fixed] of rules) {
				text = text.replace(pattern, () => {
					replaced += 1;
					return fixed;
				});
			}
			if (text !== node.nodeValue) node.nodeValue = text;
		}
		return replaced;
	});
}
