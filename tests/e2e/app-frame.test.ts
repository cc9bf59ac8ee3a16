/** The signed-in app frame: staff and client navigation, honest empty states, the account page. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { launchBrowser, signInToNorthwind, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const signIn = signInToNorthwind;

async function navLinks(page: Page): Promise<string[]> {
	const nav = page.getByRole("navigation", { name: /main/i });
	await nav.waitFor();
	return (await nav.getByRole("link").allTextContents()).map((t) => t.trim());
}

describe("usage", () => {
	it("shows the owner of a new agency its real credit balance and an honest empty history", async () => {
		// A fresh agency: Northwind's credits depend on what other files did with it (a trial grants credits).
		const agency = await signUpAgencyViaApi("usage-empty", "Usage Empty Studio");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Usage" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/usage"));
		const credits = page.getByRole("region", { name: "Credits" });
		await expect.poll(() => credits.textContent(), { timeout: 10_000 }).toContain("Available0");
		expect(await page.getByRole("region", { name: "History" }).textContent()).toContain("No credit movements yet");
		await context.close();
	});
});

describe("app frame", () => {
	it("gives staff the agency workspace and clients the portal", async () => {
		const staff = await browser.newPage();
		await signIn(staff, "staff@northwind.test");
		expect(await navLinks(staff)).toEqual(expect.arrayContaining(["Dashboard", "Clients", "Projects", "Leads", "Analytics", "Reports"]));
		expect(await navLinks(staff)).not.toContain("Usage");

		const context = await browser.newContext();
		const client = await context.newPage();
		await signIn(client, "client@northwind.test");
		const links = await navLinks(client);
		expect(links).toEqual(expect.arrayContaining(["Home", "Projects", "Documents", "Messages", "Invoices"]));
		expect(links).not.toContain("Leads");
		expect(links).not.toContain("Clients");
		await staff.close();
		await context.close();
	});

	it("shows an honest empty state for an area not built yet, and the account page", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, "owner@northwind.test");
		await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Leads" }).click();
		await page.waitForURL(tenantUrl("northwind", "/leads"));
		const main = page.getByRole("main");
		await expect.poll(() => main.textContent(), { timeout: 10_000 }).toContain("coming soon");
		expect(await main.textContent()).not.toMatch(/\$\s?\d|\d+ leads/i);

		await page.goto(tenantUrl("northwind", "/account"));
		await expect.poll(() => page.getByRole("main").textContent(), { timeout: 10_000 }).toContain("owner@northwind.test");
		expect(await page.getByRole("main").textContent()).toContain("Northwind Studio");
		await context.close();
	});
});
