/**
 * Onboarding end to end: staff start the demo client's onboarding; the client sees the checklist
 * banner, fills in the profile, answers the questionnaire with a file, signs the agreement with a
 * drawn signature, and the banner is gone from Home.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("onboarding", () => {
	it("takes a client through the wizard to a drawn signature, and the dashboard banner disappears", { timeout: 120_000 }, async () => {
		const staff = await (await browser.newContext()).newPage();
		await signInToNorthwind(staff, "staff@northwind.test");
		await staff.goto(tenantUrl("northwind", `/clients/${DEMO_IDS.bakery}`));
		await staff.getByRole("button", { name: "Start onboarding" }).click();
		await staff.getByText("0 of 3 required steps done", { exact: false }).waitFor();

		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		const banner = page.getByRole("region", { name: "Finish setting up" });
		await banner.waitFor();
		await banner.getByRole("link", { name: "Continue onboarding" }).click();
		await page.waitForURL(tenantUrl("northwind", "/onboarding"));

		await page.getByLabel("Company name").fill("Acme Bakery Ltd");
		await page.getByRole("button", { name: "Save company details" }).click();

		await page.getByRole("heading", { name: "About your project" }).waitFor();
		await page.getByLabel("What should this project achieve? (required)").fill("More orders online");
		await page.getByLabel("Brand guidelines (if you have them)").setInputFiles({
			name: "brand.txt",
			mimeType: "text/plain",
			buffer: Buffer.from("Use the warm brown."),
		});
		await page.getByText("Uploaded brand.txt").waitFor();
		await page.getByRole("button", { name: "Save answers" }).click();
		await page.getByText("2 of 3 required steps done").waitFor();

		await page.getByRole("button", { name: /Service agreement/ }).click();
		await page.getByLabel("Your full name").fill("Carla Client");
		await page.getByLabel("Draw my signature").check();
		const pad = page.getByRole("img", { name: /Signature pad/ });
		const box = await pad.boundingBox();
		if (!box) throw new Error("the signature pad is not visible");
		await page.mouse.move(box.x + 20, box.y + 40);
		await page.mouse.down();
		await page.mouse.move(box.x + 120, box.y + 80, { steps: 5 });
		await page.mouse.move(box.x + 220, box.y + 30, { steps: 5 });
		await page.mouse.up();
		await page.getByRole("button", { name: "Sign the agreement" }).click();
		await page.getByText("You are all set").waitFor();
		await page.getByRole("button", { name: /Service agreement/ }).click();
		await page.getByRole("link", { name: "Download the signed agreement" }).waitFor();

		await page.goto(tenantUrl("northwind", "/"));
		await page.getByRole("heading", { name: "Waiting for your review" }).waitFor();
		expect(await banner.count()).toBe(0);
	});
});
