/** The owner subscribes from Billing: Checkout on the local Stripe fake with the 4242 card, back to Atrium on a trial. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("billing", () => {
	it("checks out a plan with a test card and comes back to a trialing subscription", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "owner@northwind.test");
		await page.goto(tenantUrl("northwind", "/billing"));
		await page.getByRole("button", { name: "Start 14-day trial of Pro" }).click();
		await page.getByLabel("Card number").fill("4242 4242 4242 4242");
		await page.getByRole("button", { name: "Subscribe" }).click();
		await page.waitForURL(/\/billing\?checkout=success/);
		await expect.poll(async () => page.getByTestId("current-plan").textContent(), { timeout: 20_000 }).toMatch(/Pro — Trial/);
	});
});
