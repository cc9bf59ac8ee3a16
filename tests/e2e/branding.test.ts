/**
 * White-label in the browser: an owner picks a colour (a failing one is refused as they type),
 * uploads a logo that becomes the app's icons, and the app, its manifest and its installability
 * follow — while another agency keeps its own name and icons.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi, subscribeToPro } from "./agencies";
import { launchBrowser, launchPersistent, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
let agency: E2eAgency;
let starter: E2eAgency;
beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("brand", "Verdant Studio");
	starter = await signUpAgencyViaApi("brand-starter", "Plain Studio");
});
afterAll(async () => {
	await browser?.close();
});

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#0b6e4f"/><circle cx="150" cy="100" r="60" fill="#ffffff"/></svg>`;

type Manifest = { name: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };

async function manifestIn(page: Page): Promise<Manifest> {
	return page.evaluate(async () => (await fetch("/manifest.webmanifest")).json());
}

async function signIn(page: Page, who: E2eAgency = agency): Promise<void> {
	await signInWithPassword(page, who.slug, who.ownerEmail, E2E_PASSWORD);
}

describe("branding", () => {
	it("saves a colour that meets WCAG AA, refuses one that does not, and makes the logo the app's icon", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page);
		await subscribeToPro(page);
		await page.goto(tenantUrl(agency.slug, "/account"));
		await page.getByRole("link", { name: "Agency settings" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings"));
		await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Brand" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings/brand"));
		expect(await seriousA11yViolations(page)).toEqual([]);

		const colour = page.getByLabel("Brand colour", { exact: true });
		await colour.fill("#ffcc00");
		await expect.poll(() => page.locator("#primaryColor-verdict").textContent()).toMatch(/contrast of 1\.\d:1 with white/);
		expect(await page.getByRole("button", { name: "Save brand" }).isDisabled()).toBe(true);

		await colour.fill("#0b6e4f");
		await expect.poll(() => page.locator("#primaryColor-verdict").textContent()).toContain("meets WCAG AA");
		await page.getByLabel("Email sender name").fill("Verdant Team");
		await page.getByRole("button", { name: "Save brand" }).click();
		await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved." }).count()).toBe(1);
		// The colour roles come from the theme stylesheet the saved brand links (/theme.css?…), which loads after the save.
		await expect
			.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand").trim()))
			.toBe("#0b6e4f");

		await page.locator('input[type="file"]').setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO_SVG) });
		await expect.poll(() => page.getByRole("status").filter({ hasText: "Logo saved" }).count(), { timeout: 20_000 }).toBe(1);
		const manifest = await manifestIn(page);
		expect(manifest).toMatchObject({ name: "Verdant Studio", theme_color: "#0b6e4f" });
		expect(manifest.icons.map((i) => i.src)).toEqual([
			expect.stringMatching(/^\/brand\/icon-192-[0-9a-f]{16}\.png$/),
			expect.stringMatching(/^\/brand\/icon-512-[0-9a-f]{16}\.png$/),
			expect.stringMatching(/^\/brand\/icon-maskable-512-[0-9a-f]{16}\.png$/),
		]);
		const iconSize = await page.evaluate(async (src) => {
			const bitmap = await createImageBitmap(await (await fetch(src)).blob());
			return [bitmap.width, bitmap.height];
		}, manifest.icons[0]?.src ?? "");
		expect(iconSize).toEqual([192, 192]);
		expect(await page.locator('link[rel="icon"]').getAttribute("href")).toMatch(/^\/brand\/favicon-/);
		await context.close();
	});

	it("installs under its own name and icons, while another agency keeps its own", async () => {
		const context = await launchPersistent();
		const page = await context.newPage();
		await page.goto(tenantUrl(agency.slug, "/signin"));
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
		expect(installabilityErrors).toEqual([]);
		expect((await manifestIn(page)).icons[0]?.src).toMatch(/^\/brand\//);

		await page.goto(tenantUrl(starter.slug, "/signin"));
		const other = await manifestIn(page);
		expect(other.name).toBe("Plain Studio");
		expect(other.icons[0]?.src).toBe("/icons/icon-192.png");

		// The demo agency of `npm start` is on Pro with its seeded logo (scripts/lib/demo-brand.ts).
		await page.goto(tenantUrl("northwind", "/signin"));
		const demo = await manifestIn(page);
		expect(demo).toMatchObject({ name: "Northwind Studio", theme_color: "#0f766e" });
		expect(demo.icons[0]?.src).toMatch(/^\/brand\/icon-192-[0-9a-f]{16}\.png$/);
		expect(await page.evaluate(async (src) => (await fetch(src)).status, demo.icons[0]?.src ?? "")).toBe(200);
		await context.close();
	});

	it("tells a Starter agency up front that white-label branding and custom domains need an upgrade, and leads the owner to Billing", async () => {
		const agency = starter;
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, starter);
		await page.goto(tenantUrl(agency.slug, "/settings/brand"));
		await expect
			.poll(() => page.getByRole("note").textContent())
			.toContain("Your Starter plan does not include white-label branding (your colour, logo and email sender name).");
		await expect(page.getByLabel("Brand colour", { exact: true }).count()).resolves.toBe(0);
		await page.goto(tenantUrl(agency.slug, "/account"));
		await page.getByRole("link", { name: "Agency settings" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings"));
		await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Custom domains" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/settings/domains"));
		await expect.poll(() => page.getByRole("main").textContent()).toContain(`${agency.slug}.localhost`);
		// Up front, not on submit: no form to fill, and the owner's way to a plan that has it.
		const prompt = page.getByRole("note");
		await expect
			.poll(() => prompt.textContent())
			.toContain("Your Starter plan does not include custom domains. Upgrade to Pro or Agency to use it.");
		await expect(page.getByLabel("Your domain").count()).resolves.toBe(0);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await prompt.getByRole("link", { name: "See plans and upgrade" }).click();
		await page.waitForURL(tenantUrl(agency.slug, "/billing"));
		await context.close();
	});
});
