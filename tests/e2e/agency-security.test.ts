/** Settings → Security in Chromium: the owner sees a failed sign-in on the agency, unlocks the member, and changes the account policy. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("agency security settings", () => {
	it("lists a failed sign-in with an Unlock for the member, and saves the policy", async () => {
		// Someone types a wrong password for a member.
		const stranger = await (await browser.newContext()).newPage();
		await stranger.goto(tenantUrl("northwind", "/signin"));
		await stranger.getByLabel("Email").fill("staff@northwind.test");
		await stranger.getByLabel("Password").fill("not the password");
		await stranger.getByRole("button", { name: "Sign in", exact: true }).click();
		await stranger.getByRole("alert").filter({ hasText: /./ }).first().waitFor();

		const page = await (await browser.newContext()).newPage();

		await signInToNorthwind(page, "owner@northwind.test");
		await page.goto(tenantUrl("northwind", "/settings/security"));
		const row = page.getByRole("row", { name: /staff@northwind\.test.*invalid credentials/ }).first();
		await row.waitFor();
		await row.getByRole("button", { name: "Unlock staff@northwind.test" }).click();
		await expect
			.poll(() => page.getByTestId("security-status").textContent())
			.toMatch(/staff@northwind\.test (can sign in again|was not locked)\./);

		const unverified = page.getByLabel("People who have not confirmed their email may");
		await unverified.selectOption("read_only");
		await expect.poll(() => page.getByTestId("security-status").textContent()).toBe("Policy saved.");
		await page.reload();
		await expect.poll(() => unverified.inputValue()).toBe("read_only");
		expect(await seriousA11yViolations(page)).toEqual([]);
		// Put the demo agency back as the other tests expect it.
		await unverified.selectOption("full");
		await expect.poll(() => page.getByTestId("security-status").textContent()).toBe("Policy saved.");
	});
});
