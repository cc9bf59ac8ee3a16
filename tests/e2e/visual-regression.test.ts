/**
 * Visual regression: every story of the kit's catalogue (pwa/src/catalogue/, built to dist/catalogue
 * by `npm run build:catalogue`) and the main pages for staff and for a client, at phone (390) and
 * desktop (1280) width, light and dark, compared pixel by pixel with the baselines committed in
 * tests/e2e/visual/baselines/. An intended change: run
 *   UPDATE_VISUAL_BASELINES=1 npx vitest run --project e2e tests/e2e/visual-regression.test.ts
 * and commit the new PNGs with it. A mismatch leaves the actual image and a diff in
 * tests/e2e/.artifacts/visual/ and names them in the failure. docs/DESIGN-SYSTEM.md "Visual regression".
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, tenantUrl } from "./browser";
import { compareWithBaseline, UPDATE_COMMAND } from "./visual/compare";
import { freezeDatesAndTimes, pinRendering, settled, THEMES, VIEWPORTS, visualContextOptions } from "./visual/determinism";
import { mainPages, setUpVisualAgency, type VisualAgency } from "./visual/main-pages";
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

describe("visual regression: the main pages", () => {
	/** The agency the pages show, set up by whichever test runs first (its invitation mail is awaited with expect.poll, which only runs inside a test). */
	let visual: VisualAgency | undefined;

	it.each(VIEWPORTS)(
		"staff's and a client's pages look as in their baselines at $name width ($width px), light and dark",
		async (viewport) => {
			visual ??= await setUpVisualAgency(browser);
			const pages = mainPages(visual);
			const mismatches: string[] = [];
			for (const [who, state] of [
				["staff", visual.staffState],
				["client", visual.clientState],
			] as const) {
				const options: BrowserContextOptions = { ...visualContextOptions(viewport), storageState: state };
				const context = await browser.newContext(options);
				const page = await context.newPage();
				for (const [name, path] of pages[who]) {
					await page.goto(tenantUrl(visual.agency.slug, path));
					await page.locator("main h1").first().waitFor();
					await expect.poll(() => page.locator(".skeleton, [aria-busy='true']").count()).toBe(0);
					await pinRendering(page);
					await freezeDatesAndTimes(page);
					for (const theme of THEMES) {
						await page.emulateMedia({ colorScheme: theme });
						await check(page, `pages/${name}-${viewport.name}-${theme}`, mismatches, false);
					}
				}
				await context.close();
			}
			expect(mismatches, report(mismatches)).toEqual([]);
		},
	);
});
