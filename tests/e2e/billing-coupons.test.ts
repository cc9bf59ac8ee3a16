/** A coupon code on the Billing page: the fake's Checkout shows the discounted price, and the first charged invoice carries it. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OPERATOR_TOKEN } from "../../scripts/lib/local-app";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, platformUrl, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
let agency: E2eAgency;
beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("coupon", "Coupon Studio");
});
afterAll(async () => {
	await browser?.close();
});

async function createCoupon(code: string): Promise<void> {
	const res = await fetch(platformUrl("/api/operator/coupons"), {
		method: "POST",
		headers: { "Content-Type": "application/json", Authorization: `Bearer ${LOCAL_OPERATOR_TOKEN}` },
		body: JSON.stringify({ kind: "code", code, name: "Launch 25%", percentOff: 25, duration: "once" }),
	});
	if (res.status !== 201) throw new Error(`coupon refused: ${res.status} ${await res.text()}`);
}

describe("billing with a coupon", () => {
	it("refuses an unknown code, then checks out with a valid one at the discounted price", async () => {
		const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
		await createCoupon(code);
		const page = await (await browser.newContext()).newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/billing"));

		await page.getByLabel("Coupon code (optional)").fill("NOT-A-CODE");
		await page.getByRole("button", { name: "Start 14-day trial of Pro" }).click();
		await expect.poll(() => page.locator("#coupon-error").textContent()).toBe("Coupon code is not a valid code");

		await page.getByLabel("Coupon code (optional)").fill(code.toLowerCase());
		await page.getByRole("button", { name: "Start 14-day trial of Pro" }).click();
		await page.waitForURL(/\/checkout\/cs_test_/);
		expect(await page.getByText("Discount: −37.25 USD").isVisible()).toBe(true);
		expect(await page.getByText("Total: 111.75 USD").isVisible()).toBe(true);
		await page.getByLabel("Card number").fill("4242 4242 4242 4242");
		await page.getByRole("button", { name: "Subscribe" }).click();
		await page.waitForURL(/\/billing\?checkout=success/);
		await expect.poll(async () => page.getByTestId("current-plan").textContent(), { timeout: 20_000 }).toMatch(/Pro — Trial/);
	});
});
