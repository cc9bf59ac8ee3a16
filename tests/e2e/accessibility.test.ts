/** axe-core finds no serious or critical WCAG 2.1 AA violation on any page of the shell. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, platformUrl, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function check(page: Page, url: string, ready: () => Promise<unknown>): Promise<string[]> {
	await page.goto(url);
	await ready();
	return (await seriousA11yViolations(page)).map((v) => `${url}: ${v}`);
}

async function signedIn(email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInToNorthwind(page, email);
	return page;
}

describe("accessibility", () => {
	it("signed-out pages", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const violations = [
			...(await check(page, platformUrl("/"), () => page.getByRole("button", { name: "Create agency" }).waitFor())),
			...(await check(page, tenantUrl("northwind", "/signin"), () => page.getByRole("button", { name: "Sign in" }).waitFor())),
			...(await check(page, tenantUrl("northwind", "/welcome"), () => page.getByRole("main").waitFor())),
		];
		expect(violations).toEqual([]);
		await context.close();
	});

	it("every page of the staff workspace", async () => {
		const page = await signedIn("owner@northwind.test");
		const nav = page.getByRole("navigation", { name: /main/i });
		const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
		const violations: string[] = [];
		for (const href of [...new Set([...hrefs, "/account", "/no-such-page"])]) {
			violations.push(...(await check(page, tenantUrl("northwind", href), () => page.getByRole("main").waitFor())));
		}
		expect(hrefs.length).toBeGreaterThanOrEqual(8);
		expect(violations).toEqual([]);
	});

	it("the Billing page with its plans loaded", async () => {
		const page = await signedIn("owner@northwind.test");
		const violations = await check(page, tenantUrl("northwind", "/billing"), () => page.getByTestId("current-plan").waitFor());
		expect(violations).toEqual([]);
	});

	it("every page of the client portal", async () => {
		const page = await signedIn("client@northwind.test");
		const nav = page.getByRole("navigation", { name: /main/i });
		const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
		const violations: string[] = [];
		for (const href of hrefs) violations.push(...(await check(page, tenantUrl("northwind", href), () => page.getByRole("main").waitFor())));
		expect(violations).toEqual([]);
	});
});
