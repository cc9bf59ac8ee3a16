/**
 * The owner subscribes from Billing: Checkout on the local Stripe fake with the 4242 card, back to
 * Atrium on a trial, whose plan credits are there at once. A Starter agency that has used its clients limit is told so before it fills a
 * form, with the way to a bigger plan.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInToNorthwind, signInWithPassword, tenantUrl } from "./browser";

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
		// Automation is not shipped yet: the plan table says "coming" beside it instead of selling it.
		const agencyPlan = page.locator(".plan-card", { has: page.getByRole("heading", { name: "Agency" }) });
		await expect.poll(async () => agencyPlan.locator("li", { hasText: "Automation" }).textContent()).toMatch(/^Automation\s+coming$/);
		await page.getByRole("button", { name: "Start 14-day trial of Pro" }).click();
		await page.getByLabel("Card number").fill("4242 4242 4242 4242");
		await page.getByRole("button", { name: "Subscribe" }).click();
		await page.waitForURL(/\/billing\?checkout=success/);
		await expect.poll(async () => page.getByTestId("current-plan").textContent(), { timeout: 20_000 }).toMatch(/Pro — Trial/);
	});

	it("a new agency's Pro trial has the plan's monthly AI credits at once, as a ledger row saying why", async () => {
		const agency = await signUpAgencyViaApi("trial-credits", "Trial Credits Studio");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/billing"));
		// What the plan table sells for Pro is what must arrive.
		const proPlan = page.locator(".plan-card", { has: page.getByRole("heading", { name: "Pro" }) });
		const sold = (await proPlan.locator("li", { hasText: "AI credits a month" }).textContent()) ?? "";
		const allowance = Number(sold.replace(/[^0-9]/g, ""));
		expect(allowance).toBeGreaterThan(0);
		await page.getByRole("button", { name: "Start 14-day trial of Pro" }).click();
		await page.getByLabel("Card number").fill("4242 4242 4242 4242");
		await page.getByRole("button", { name: "Subscribe" }).click();
		await page.waitForURL(/\/billing\?checkout=success/);
		await expect.poll(async () => page.getByTestId("current-plan").textContent(), { timeout: 20_000 }).toMatch(/Pro — Trial/);

		await page.goto(tenantUrl(agency.slug, "/usage"));
		const available = page.locator(".stats div", { has: page.getByText("Available", { exact: true }) }).locator("dd");
		await expect.poll(async () => Number(((await available.textContent()) ?? "").replace(/[^0-9]/g, ""))).toBe(allowance);
		const history = page.getByRole("table", { name: "Credit movements, newest first" });
		const grant = history.getByRole("row").filter({ hasText: "plan-start:pro" });
		await expect.poll(() => grant.count()).toBe(1);
		expect(((await grant.textContent()) ?? "").replace(/[^0-9+]/g, "")).toContain(`+${allowance}`);
		await context.close();
	});

	it("shows a used-up clients limit up front, instead of a form the server would refuse", async () => {
		const agency = await signUpAgencyViaApi("limits", "Limit Studio");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/clients"));
		await page.getByRole("heading", { name: "Add a client" }).waitFor();
		// Starter includes 10 clients: nine through the API, the tenth through the form.
		for (let i = 1; i <= 9; i += 1) {
			await apiInPage(page, "POST", "/api/v1/clients", { name: `Client ${i}`, tier: "standard" });
		}
		await page.getByLabel("Name", { exact: true }).fill("Client 10");
		await page.getByRole("button", { name: "Add client" }).click();
		const prompt = page.getByRole("note");
		await expect
			.poll(() => prompt.textContent())
			.toContain("All 10 clients of your Starter plan are in use. Upgrade to Pro or Agency for more.");
		await expect(page.getByRole("heading", { name: "Add a client" }).count()).resolves.toBe(0);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await prompt.getByRole("link", { name: "See plans and upgrade" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/billing"));
		await context.close();
	});
});
