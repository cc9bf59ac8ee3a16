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
		await page.getByText("/api/v1/auth/signup").first().waitFor({ timeout: 20_000 });
		expect(await page.getByText("/api/v1/me").count()).toBeGreaterThan(0);
		expect(foreign).toEqual([]);
		expect(cspErrors).toEqual([]);
		await page.close();
	});
});
