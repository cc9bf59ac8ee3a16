/**
 * Phone-first navigation and desktop density (issue #17): the main staff and client pages at 360,
 * 390, 768 and 1280 px never scroll sideways and show the right navigation (the bottom tab bar on a
 * phone, the sidebar wider) with 44 px touch targets on the phone; a client moves between areas
 * with the tab bar, and the More sheet closes with Escape and with the phone's back button.
 * Northwind's demo people are only read.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const WIDTHS = [360, 390, 768, 1280];

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

/** Whether the page scrolls sideways, and the visible main navigation's kind and its smallest control height. */
function measure(page: Page) {
	return page.evaluate(() => {
		const nav = [...document.querySelectorAll<HTMLElement>("nav[aria-label='Main']")].find((n) => n.getClientRects().length > 0);
		const controls = nav ? [...nav.querySelectorAll<HTMLElement>("a, button")].filter((c) => c.getClientRects().length > 0) : [];
		const scroller = document.scrollingElement ?? document.documentElement;
		return {
			overflow: scroller.scrollWidth - window.innerWidth,
			nav: nav?.classList.contains("tab-bar") ? "tab bar" : nav?.classList.contains("sidebar") ? "sidebar" : "none",
			smallest: Math.min(...controls.map((c) => c.getBoundingClientRect().height)),
			widest: Math.max(...controls.map((c) => c.getBoundingClientRect().width)),
		};
	});
}

async function checkWidths(page: Page, path: string): Promise<void> {
	await page.goto(tenantUrl("northwind", path));
	await page.getByRole("heading", { level: 1 }).first().waitFor();
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		const phone = width < 768;
		await page.locator(phone ? ".tab-bar" : ".sidebar").waitFor();
		const seen = await measure(page);
		expect({ path, width, overflow: seen.overflow <= 0, nav: seen.nav }).toEqual({
			path,
			width,
			overflow: true,
			nav: phone ? "tab bar" : "sidebar",
		});
		if (phone)
			expect({ path, width, smallest: seen.smallest >= 44, widest: seen.widest >= 44 }).toEqual({
				path,
				width,
				smallest: true,
				widest: true,
			});
	}
}

describe("layouts at phone, tablet and desktop widths", () => {
	it("staff and client pages never scroll sideways and show the tab bar on a phone, the sidebar wider", { timeout: 60_000 }, async () => {
		for (const [email, paths] of [
			["staff@northwind.test", ["/", "/clients"]],
			["client@northwind.test", ["/", "/projects"]],
		] as const) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			await signInToNorthwind(page, email);
			for (const path of paths) await checkWidths(page, path);
			await context.close();
		}
	});
});

describe("phone navigation", () => {
	it("a client moves between areas with the tab bar and opens More; Escape and back close it", async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await signInToNorthwind(page, "client@northwind.test");
		const tabs = mainNav(page);
		expect((await tabs.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual(["Home", "Projects", "Messages", "Documents"]);

		await tabs.getByRole("link", { name: "Projects" }).click();
		await page.waitForURL(tenantUrl("northwind", "/projects"));
		expect(await tabs.getByRole("link", { name: "Projects" }).getAttribute("aria-current")).toBe("page");
		expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

		// More opens a sheet with the other areas; Escape closes it and focus returns to More.
		const more = tabs.getByRole("button", { name: "More" });
		const sheet = page.getByRole("dialog", { name: "More" });
		await more.click();
		await sheet.getByRole("link", { name: "Notifications" }).waitFor();
		expect(await sheet.getByRole("link", { name: "Invoices" }).count()).toBe(1);
		expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
		await page.keyboard.press("Escape");
		await sheet.waitFor({ state: "hidden" });
		expect(await page.evaluate(() => document.activeElement?.classList.contains("tab-more"))).toBe(true);

		// The phone's back button closes the sheet and stays on the page.
		await more.click();
		await sheet.waitFor();
		await page.goBack();
		await sheet.waitFor({ state: "hidden" });
		expect(page.url()).toBe(tenantUrl("northwind", "/projects"));
		await page.getByRole("heading", { level: 1 }).first().waitFor();

		// A link in the sheet closes it and opens its page; back then returns to the page before.
		await more.click();
		await sheet.getByRole("link", { name: "Notifications" }).click();
		await page.waitForURL(tenantUrl("northwind", "/notifications"));
		await sheet.waitFor({ state: "hidden" });
		expect(await more.getAttribute("class")).toContain("current");
		await page.goBack();
		await page.waitForURL(tenantUrl("northwind", "/projects"));
		await context.close();
	});
});
