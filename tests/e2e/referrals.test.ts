/** A referral link end to end: the referrer copies its link, a visitor lands with ?ref=, signs up, and the referrer's page counts the sign-up. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, signInWithPassword, tenantUrl, uniqueSlug } from "./browser";

let browser: Browser;
let referrer: E2eAgency;
beforeAll(async () => {
	browser = await launchBrowser();
	referrer = await signUpAgencyViaApi("referrer", "Referrer Studio");
});
afterAll(async () => {
	await browser?.close();
});

describe("referrals", () => {
	it("attributes a sign-up through the ?ref= link to the referrer's page", async () => {
		const owner = await (await browser.newContext()).newPage();
		await signInWithPassword(owner, referrer.slug, referrer.ownerEmail, E2E_PASSWORD);
		await owner.goto(tenantUrl(referrer.slug, "/billing"));
		await owner.getByRole("link", { name: /Referrals/ }).click();
		const code = await owner.getByTestId("referral-code").textContent();
		const link = await owner.getByLabel("Link to share").inputValue();
		expect(link).toMatch(new RegExp(`/signup\\?ref=${code}$`));
		expect(await owner.getByTestId("referral-sign-ups").textContent()).toBe("0");

		// The visitor lands with the link; the code is remembered and filled in on the sign-up form.
		const visitor = await (await browser.newContext()).newPage();
		await visitor.goto(link);
		expect(await visitor.getByLabel("Referral code (optional)").inputValue()).toBe(code);
		// The platform stamped the landing: a sealed token (the server's time), which the sign-up sends.
		await expect
			.poll(() => visitor.evaluate(() => (JSON.parse(localStorage.getItem("atrium.referral") ?? "{}") as { landing?: string }).landing))
			.toMatch(/^enc:v1:/);
		const slug = uniqueSlug("referred");
		await visitor.getByLabel("Agency name").fill("Referred Works");
		await visitor.getByLabel("Address").fill(slug);
		await visitor.getByLabel("Your name").fill("Rita Referred");
		await visitor.getByLabel("Email").fill(`rita@${slug}.test`);
		await visitor.getByLabel("Password").fill(E2E_PASSWORD);
		await visitor.getByRole("button", { name: "Create agency" }).click();
		await visitor.waitForURL(tenantUrl(slug, "/"));

		await owner.reload();
		await expect.poll(() => owner.getByTestId("referral-sign-ups").textContent()).toBe("1");
		expect(await owner.getByRole("cell", { name: "Referred Works" }).isVisible()).toBe(true);
	});
});
