/**
 * Two-step sign-in in Chromium: a seeded staff member sets up an authenticator (codes computed
 * here with @oslojs/otp from the key the page shows), signs out, and signs in with password + code.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, E2E_MFA_ACCOUNT } from "../../scripts/lib/demo-seed";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

/** The authenticator's code `offset` 30-second steps from now. */
function totp(key: string, offset = 0): string {
	return generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("two-step sign-in", () => {
	it("enrols TOTP, shows recovery codes once, then asks for a code at the next sign-in", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, E2E_MFA_ACCOUNT.email);

		await page.goto(tenantUrl("northwind", "/account/security"));
		await page.getByRole("button", { name: "Set up an authenticator app" }).click();
		await expect.poll(() => page.getByRole("img", { name: "QR code for your authenticator app" }).isVisible()).toBe(true);
		const key = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
		expect(key).toMatch(/^[A-Z2-7]{32}$/);
		await page.getByLabel("6-digit code from the app").fill(totp(key));
		await page.getByRole("button", { name: "Turn on" }).click();
		const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
		await codes.first().waitFor();
		expect(await codes.count()).toBe(10);

		await page.goto(tenantUrl("northwind", "/account"));
		await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(/\/signin/);

		await page.getByLabel("Email").fill(E2E_MFA_ACCOUNT.email);
		await page.getByLabel("Password").fill(DEMO_PASSWORD);
		await page.getByRole("button", { name: "Sign in", exact: true }).click();
		await page.getByRole("heading", { name: "Two-step sign-in" }).waitFor();
		// The next time step: the one enrolment used cannot be used again.
		await page.getByLabel("6-digit code from your authenticator app").fill(totp(key, 1));
		await page.getByRole("button", { name: "Continue" }).click();
		await page.waitForURL(tenantUrl("northwind", "/"));
		await page.goto(tenantUrl("northwind", "/account"));
		await expect.poll(() => page.getByText("On", { exact: true }).isVisible()).toBe(true);
	});
});
