/**
 * The installed shell: a service worker controls the page, a reload while offline shows the app
 * (and a control run without the service worker shows the browser's error, proving the test is
 * real), and Chromium finds the app installable under the agency's own name.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/lib/demo-seed";
import { launchBrowser, launchPersistent, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function signInAndWaitForServiceWorker(page: Page): Promise<void> {
	await signInToNorthwind(page, DEMO_ACCOUNTS[0].email);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
	await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Olivia");
}

describe("offline", () => {
	it("reloads any page offline and still shows the signed-in app", async () => {
		const context = await browser.newContext({ serviceWorkers: "allow" });
		const page = await context.newPage();
		await signInAndWaitForServiceWorker(page);
		await page.goto(tenantUrl("northwind", "/account"));
		await expect.poll(() => page.getByRole("main").textContent()).toContain("owner@northwind.test");

		await context.setOffline(true);
		await page.reload();
		await expect.poll(() => page.getByRole("main").textContent()).toContain("owner@northwind.test");
		await page.goto(tenantUrl("northwind", "/projects"));
		await expect.poll(() => page.getByRole("banner").textContent()).toContain("Northwind Studio");
		expect(
			await page
				.getByRole("status")
				.filter({ hasText: /offline/i })
				.count(),
		).toBeGreaterThan(0);
		await context.close();
	});

	it("control: without the service worker, the same offline reload fails", async () => {
		const context: BrowserContext = await browser.newContext();
		const page = await context.newPage();
		await page.goto(tenantUrl("northwind", "/signin"));
		await context.setOffline(true);
		await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
		await context.close();
	});
});

describe("install", () => {
	it("is installable, under the agency's name", async () => {
		const context = await launchPersistent();
		const page = await context.newPage();
		await page.goto(tenantUrl("northwind", "/signin"));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
		expect(installabilityErrors).toEqual([]);
		const manifest = (await page.evaluate(async () => (await fetch("/manifest.webmanifest")).json())) as { name: string };
		expect(manifest.name).toBe("Northwind Studio");
		await context.close();
	});
});
