/**
 * Passkeys in Chromium with a CDP virtual authenticator (CTAP2, platform, resident keys, user
 * verification): a new agency's owner adds a passkey on Account → Security, signs out, and signs
 * back in with "Sign in with a passkey", typing nothing.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("passkeys", () => {
	it("adds a passkey on the security page and signs in with it", async () => {
		const agency = await signUpAgencyViaApi("passkey", "Passkey Agency");
		const context = await browser.newContext();
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send("WebAuthn.enable");
		const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
			options: {
				protocol: "ctap2",
				transport: "internal",
				hasResidentKey: true,
				hasUserVerification: true,
				isUserVerified: true,
				automaticPresenceSimulation: true,
			},
		});

		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);

		await page.goto(tenantUrl(agency.slug, "/account/security"));
		await page.getByLabel("Name for the new passkey").fill("Test laptop");
		await page.getByRole("button", { name: "Add a passkey" }).click();
		const list = page.getByRole("list", { name: "Your passkeys" });
		await expect.poll(() => list.locator("strong", { hasText: "Test laptop" }).isVisible()).toBe(true);
		const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
		expect(credentials).toHaveLength(1);
		expect(credentials[0]?.isResidentCredential).toBe(true);
		expect(credentials[0]?.rpId).toBe(`${agency.slug}.localhost`);

		await page.goto(tenantUrl(agency.slug, "/account"));
		await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(/\/signin/);

		await page.getByRole("button", { name: "Sign in with a passkey" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/"));
		await page.goto(tenantUrl(agency.slug, "/account/security"));
		await expect.poll(() => list.getByText(/last used/).isVisible()).toBe(true);
		await context.close();
	});
});
