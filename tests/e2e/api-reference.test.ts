/** The interactive API reference renders the live OpenAPI document, offline-capable (no CDN). */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, platformUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("API reference", () => {
	it("lists the authentication operations from /api/openapi.json without loading anything from another origin", async () => {
		const page = await browser.newPage();
		const foreign: string[] = [];
		const cspErrors: string[] = [];
		page.on("request", (request) => {
			if (!request.url().startsWith(platformUrl("/"))) foreign.push(request.url());
		});
		page.on("console", (message) => {
			if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
		});
		await page.goto(platformUrl("/api/docs"));
		// Tags start collapsed (a large document renders at once that way): open two as a reader would.
		await page.locator("#operations-tag-Authentication").click({ timeout: 20_000 });
		await page.getByText("/api/v1/auth/signup").first().waitFor({ timeout: 20_000 });
		await page.locator("#operations-tag-Account").click();
		await page.getByText("/api/v1/me").first().waitFor();
		expect(foreign).toEqual([]);
		expect(cspErrors).toEqual([]);
		await page.close();
	});
});
