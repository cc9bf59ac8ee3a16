/**
 * Theming as people use it, on an agency of its own (never Northwind's): the owner picks a dark
 * default, an accent, a serif font and pill corners on Settings → Brand and sees them applied at
 * once and in the next load's HTML before any script; a person switches themselves to light on the
 * Account page, which sticks on reload; axe finds nothing serious in dark or light.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi, subscribeToPro } from "./agencies";
import { launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
let agency: E2eAgency;
beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("theming", "Theming Studio");
});
afterAll(async () => {
	await browser?.close();
});

const SLOW = { timeout: 15_000 };

const rootTheme = (page: Page) =>
	page.evaluate(() => {
		const root = document.documentElement;
		const style = getComputedStyle(root);
		return {
			theme: root.dataset.theme,
			font: root.dataset.font,
			corners: root.dataset.corners,
			accent: style.getPropertyValue("--color-accent").trim(),
			surface: style.getPropertyValue("--color-surface").trim(),
			fontFamily: getComputedStyle(document.body).fontFamily,
		};
	});

describe("theming", () => {
	it("applies the agency's dark default, accent, font and corners, lets a person choose light, and stays axe-clean in both", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await subscribeToPro(page);

		await page.goto(tenantUrl(agency.slug, "/settings/brand"));
		const accent = page.getByLabel("Accent colour", { exact: true });
		await accent.waitFor(SLOW);
		await accent.fill("#7C3AED");
		await page.getByLabel("Font", { exact: true }).selectOption("serif");
		await page.getByLabel("Pill (round buttons and fields)").check();
		await page.getByLabel("Dark", { exact: true }).check();
		await page.getByRole("button", { name: "Save brand" }).click();
		await page.getByText("Saved.").waitFor(SLOW);

		// Applied at once, without a reload (the colours once /theme.css for them has loaded).
		await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue("--color-accent").trim() === "#7c3aed");
		expect(await rootTheme(page)).toMatchObject({ theme: "dark", font: "serif", corners: "pill", accent: "#7c3aed", surface: "#1e293b" });
		expect((await rootTheme(page)).fontFamily).toMatch(/Charter|Georgia|serif/);
		const radius = await page.getByRole("button", { name: "Save brand" }).evaluate((b) => getComputedStyle(b).borderTopLeftRadius);
		expect(radius).toBe("999px");
		expect(await seriousA11yViolations(page)).toEqual([]);

		// The Worker's HTML for the next load carries the theme before any script runs.
		const serverShell = () => page.evaluate(async () => (await fetch("/account", { cache: "no-store" })).text());
		const shell = await serverShell();
		await page.goto(tenantUrl(agency.slug, "/account"));
		expect(shell).toMatch(/<html[^>]* data-theme="dark"/);
		expect(shell).toContain('href="/theme.css?primary=1f4ed8&amp;accent=7c3aed"');
		await page.getByRole("heading", { name: "Appearance" }).waitFor(SLOW);
		expect(await seriousA11yViolations(page)).toEqual([]);

		// The person chooses light: applied at once, and on the next load.
		const savedChoice = page.waitForResponse((r) => r.url().endsWith("/api/v1/me") && r.request().method() === "PATCH");
		await page.getByLabel("Light", { exact: true }).check();
		await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
		expect((await rootTheme(page)).surface).toMatch(/^#fff(fff)?$/);
		expect((await savedChoice).status()).toBe(200);
		expect(await serverShell()).toMatch(/<html[^>]* data-theme="light"/);
		await page.reload();
		await page.getByRole("heading", { name: "Appearance" }).waitFor(SLOW);
		expect(await page.getByLabel("Light", { exact: true }).isChecked()).toBe(true);
		expect(await rootTheme(page)).toMatchObject({ theme: "light", accent: "#7c3aed", corners: "pill" });
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.goto(tenantUrl(agency.slug, "/"));
		await page.locator("main h1").first().waitFor(SLOW);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await context.close();
	});
});
