/**
 * The install offer: not on a first look; after a few pages Chromium's own install prompt is
 * offered, iPhone Safari gets Add to Home Screen steps, and "Not now" keeps it away. The offer
 * floats over the page's bottom: it arrives after the page has shown and never pushes it down.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/lib/demo-seed";
import { launchBrowser, launchPersistent, signInToNorthwind, tenantUrl } from "./browser";

const IPHONE_SAFARI =
	"Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const offer = (page: Page) => page.getByRole("region", { name: /on your home screen/ });

describe("install offer", () => {
	it("shows iPhone Safari users how to add the app, only after a few pages, and not again after Not now", async () => {
		const context = await browser.newContext({
			userAgent: IPHONE_SAFARI,
			hasTouch: true,
			isMobile: true,
			viewport: { width: 390, height: 844 },
		});
		const page = await context.newPage();
		await signInToNorthwind(page, DEMO_ACCOUNTS[0].email);
		expect(await offer(page).count()).toBe(0);
		for (const path of ["/account", "/usage", "/"]) await page.goto(tenantUrl("northwind", path));
		await expect.poll(() => offer(page).textContent()).toContain("Add to Home Screen");
		expect(await offer(page).getByRole("button", { name: "Install app" }).count()).toBe(0);
		const heading = page.getByRole("heading", { level: 1 });
		const withOffer = await heading.boundingBox();
		await offer(page).getByRole("button", { name: "Not now" }).click();
		expect(await offer(page).count()).toBe(0);
		// The page sits where it was with the offer shown: the offer never moved it (no layout shift).
		expect(await heading.boundingBox()).toEqual(withOffer);
		await page.reload();
		await expect.poll(() => page.getByRole("heading", { level: 1 }).count()).toBeGreaterThan(0);
		expect(await offer(page).count()).toBe(0);
		await context.close();
	});

	it("offers Chromium's install prompt once the user is engaged", async () => {
		const context = await launchPersistent();
		const page = await context.newPage();
		await signInToNorthwind(page, DEMO_ACCOUNTS[0].email);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		for (const path of ["/account", "/usage", "/"]) await page.goto(tenantUrl("northwind", path));
		await expect.poll(() => offer(page).getByRole("button", { name: "Install app" }).count(), { timeout: 15_000 }).toBe(1);
		await context.close();
	});
});
