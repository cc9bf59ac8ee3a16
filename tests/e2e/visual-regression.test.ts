/**
 * Visual regression: every story of the kit's catalogue (pwa/src/catalogue/, built to dist/catalogue
 * by `npm run build:catalogue`), at phone (390) and desktop (1280) width, light and dark, compared pixel by pixel with the baselines committed in
 * tests/e2e/visual/baselines/. An intended change: run
 *   UPDATE_VISUAL_BASELINES=1 npx vitest run --project e2e tests/e2e/visual-regression.test.ts
 * and commit the new PNGs with it. A mismatch leaves the actual image and a diff in
 * tests/e2e/.artifacts/visual/ and names them in the failure. docs/DESIGN-SYSTEM.md "Visual regression".
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser";
import { compareWithBaseline, UPDATE_COMMAND } from "./visual/compare";
import { pinRendering, settled, THEMES, VIEWPORTS, visualContextOptions } from "./visual/determinism";
import { type StaticServer, serveFolder } from "./visual/static-server";

const CATALOGUE_DIR = join(import.meta.dirname, "..", "..", "dist", "catalogue");
/** The stories there are today (pwa/src/catalogue/stories): fewer found means the catalogue broke. */
const MIN_STORIES = 18;

let browser: Browser;
let catalogue: StaticServer;

beforeAll(async () => {
	await access(join(CATALOGUE_DIR, "catalogue.html")).catch(() => {
		throw new Error("dist/catalogue is missing: run `npm run build:catalogue` first (npm test does).");
	});
	[browser, catalogue] = await Promise.all([launchBrowser(), serveFolder(CATALOGUE_DIR)]);
});

afterAll(async () => {
	await browser?.close();
	await catalogue?.close();
});

function report(mismatches: string[]): string {
	return `${mismatches.length} screenshot(s) differ from their baselines. If the change is intended: ${UPDATE_COMMAND}\n${mismatches.join("\n")}`;
}

/** Screenshots the page as it is now and compares it; a mismatch is added to `into`. */
async function check(page: Page, name: string, into: string[], fullPage: boolean): Promise<void> {
	await settled(page);
	const shot = await page.screenshot({ fullPage, animations: "disabled", caret: "hide" });
	const mismatch = await compareWithBaseline(name, shot);
	if (mismatch) into.push(mismatch);
}

describe("visual regression: the catalogue", () => {
	it.each(VIEWPORTS)("every story looks as in its baseline at $name width ($width px), light and dark", async (viewport) => {
		const mismatches: string[] = [];
		const context = await browser.newContext(visualContextOptions(viewport));
		const page = await context.newPage();
		await page.goto(`${catalogue.url}/catalogue.html`);
		const ids = await page
			.locator("[data-story-link]")
			.evaluateAll((links) => links.map((link) => link.getAttribute("data-story-link") ?? ""));
		expect(ids.length).toBeGreaterThanOrEqual(MIN_STORIES);
		for (const id of ids) {
			await page.goto(`${catalogue.url}/catalogue.html?story=${id}`);
			await page.locator(`[data-story="${id}"]`).waitFor();
			await page.locator("[data-pending]").waitFor({ state: "detached" });
			await pinRendering(page);
			for (const theme of THEMES) {
				await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
				await check(page, `catalogue/${id}-${viewport.name}-${theme}`, mismatches, true);
			}
		}
		await context.close();
		expect(mismatches, report(mismatches)).toEqual([]);
	});
});
