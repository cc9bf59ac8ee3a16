/**
 * The command palette and keyboard shortcuts: a staff member jumps to a client with Ctrl+K and the
 * arrow keys, reads the shortcuts sheet ("?") and goes to Clients with "g c"; a client's person
 * never finds another client's project, and offline the palette still lists pages.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInToNorthwind, signInWithPassword, tenantUrl } from "./browser";
import { invitationLinkTo } from "./mailbox";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const WAIT = { timeout: 10_000, interval: 50 };

/** The option the combobox highlights (its aria-activedescendant), as text. */
async function highlighted(page: Page): Promise<string> {
	const id = await page.getByRole("combobox").getAttribute("aria-activedescendant");
	return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? "") : "";
}

async function optionTexts(page: Page): Promise<string[]> {
	return page.getByRole("dialog", { name: "Command palette" }).getByRole("option").allTextContents();
}

describe("command palette and shortcuts", () => {
	it("takes a staff member to a client with Ctrl+K and the arrows; ? lists the shortcuts; g c opens Clients", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInToNorthwind(page, "staff@northwind.test");
		await page.getByRole("heading", { level: 1 }).waitFor();

		await page.keyboard.press("Control+k");
		const palette = page.getByRole("dialog", { name: "Command palette" });
		await palette.waitFor();
		const box = palette.getByRole("combobox");
		expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
		// Pages show at once, before anything is typed.
		expect(await optionTexts(page)).toEqual(expect.arrayContaining([expect.stringContaining("Clients")]));
		expect(await seriousA11yViolations(page)).toEqual([]);

		// "ar" matches the Dashboard page first, then the demo client Blue Harbor Legal from the server.
		await box.fill("ar");
		const legal = palette.getByRole("option", { name: /Blue Harbor Legal/ });
		await legal.waitFor();
		expect(await highlighted(page)).toContain("Dashboard");
		const count = (await optionTexts(page)).length;
		for (let i = 0; i < count && !(await highlighted(page)).includes("Blue Harbor Legal"); i++) await page.keyboard.press("ArrowDown");
		expect(await highlighted(page)).toContain("Blue Harbor Legal");
		await page.keyboard.press("Enter");
		await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), WAIT).toBe("Blue Harbor Legal");
		expect(await palette.count()).toBe(0);

		// "?" opens the shortcuts sheet, Escape closes it, "g" then "c" goes to Clients.
		await page.keyboard.press("?");
		const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
		await sheet.waitFor();
		expect(await sheet.textContent()).toContain("Clients");
		await page.keyboard.press("Escape");
		await sheet.waitFor({ state: "detached" });
		await page.keyboard.press("g");
		await page.keyboard.press("c");
		await page.waitForURL(tenantUrl("northwind", "/clients"));
		// Typing in a field never fires a shortcut: "g p" typed into the clients search stays there.
		await page.getByRole("searchbox").first().focus();
		await page.keyboard.type("gp");
		expect(page.url()).toBe(tenantUrl("northwind", "/clients"));
		await context.close();
	});

	it("never lists another client's project to a client's person, and lists pages offline", async () => {
		const agency = await signUpAgencyViaApi("palette", "Palette Studio");
		const ownerContext = await browser.newContext();
		const owner = await ownerContext.newPage();
		await signInWithPassword(owner, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const x = (await apiInPage(owner, "POST", "/api/v1/clients", { name: "Xanadu Teas", status: "active" })) as { id: string };
		const y = (await apiInPage(owner, "POST", "/api/v1/clients", { name: "Yonder Mills", status: "active" })) as { id: string };
		await apiInPage(owner, "POST", "/api/v1/projects", { clientId: x.id, name: "Orchard launch X" });
		await apiInPage(owner, "POST", "/api/v1/projects", { clientId: y.id, name: "Orchard launch Y" });
		const email = `ada@${agency.slug}.test`;
		await apiInPage(owner, "POST", "/api/v1/invitations", { email, role: "client", clientId: x.id, name: "Ada Xu" });
		const token = new URL(await invitationLinkTo(email)).searchParams.get("token");

		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(tenantUrl(agency.slug, "/signin"));
		await apiInPage(page, "POST", "/api/v1/invitations/accept", { token, name: "Ada Xu", password: E2E_PASSWORD });
		await page.goto(tenantUrl(agency.slug, "/"));
		await page.getByRole("heading", { level: 1 }).waitFor();

		await page.keyboard.press("Control+k");
		const palette = page.getByRole("dialog", { name: "Command palette" });
		await palette.getByRole("combobox").fill("orchard");
		await palette.getByRole("option", { name: /Orchard launch X/ }).waitFor();
		expect(await optionTexts(page)).toEqual(["Orchard launch XProject · Xanadu Teas"]);

		await context.setOffline(true);
		await palette.getByRole("combobox").fill("pro");
		await palette.getByText(/Offline: only pages are searched/).waitFor();
		expect(await optionTexts(page)).toEqual(["ProjectsPage"]);
		await context.close();
		await ownerContext.close();
	});
});
