/**
 * The kit's primitives as a person meets them: the confirm dialog (focus trapped, Escape closes and
 * focus returns, confirming deletes through the API), a sheet closed by the phone's back button, a
 * row's menu driven by keyboard, and a toast whose Undo really reverts the archive through the API.
 * One new agency of its own (never Northwind's settings).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, type E2eAgency, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
let agency: E2eAgency;

beforeAll(async () => {
	browser = await launchBrowser();
	agency = await signUpAgencyViaApi("kit", "Kit Primitives Agency");
});

afterAll(async () => {
	await browser?.close();
});

const focusedName = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? "";
	});
const focusInDialog = (page: Page) => page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null);

describe("kit primitives", () => {
	it("a confirm dialog traps focus, closes on Escape with focus back on its opener, and confirming deletes", async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const template = (await apiInPage(page, "POST", "/api/v1/assistant/templates", { title: "Weekly note", body: "Hi {{name}}" })) as {
			id: string;
		};
		await page.goto(tenantUrl(agency.slug, "/assistant/templates"));

		const deleteButton = page.getByRole("button", { name: "Delete Weekly note" });
		await deleteButton.focus();
		await page.keyboard.press("Enter");
		const dialog = page.getByRole("alertdialog", { name: "Delete the template “Weekly note”?" });
		await dialog.waitFor();
		expect(await focusedName(page)).toBe("Cancel");
		expect(await seriousA11yViolations(page)).toEqual([]);
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press("Tab");
			expect(await focusInDialog(page)).toBe(true);
		}
		await page.keyboard.press("Shift+Tab");
		expect(await focusInDialog(page)).toBe(true);

		await page.keyboard.press("Escape");
		await dialog.waitFor({ state: "hidden" });
		expect(await focusedName(page)).toBe("Delete Weekly note");
		const kept = (await apiInPage(page, "GET", "/api/v1/assistant/templates")) as { templates: { id: string }[] };
		expect(kept.templates.map((t) => t.id)).toContain(template.id);

		await deleteButton.click();
		await dialog.getByRole("button", { name: "Delete" }).click();
		await page.getByText("Deleted “Weekly note”.").waitFor();
		const left = (await apiInPage(page, "GET", "/api/v1/assistant/templates")) as { templates: { id: string }[] };
		expect(left.templates.map((t) => t.id)).not.toContain(template.id);
		await context.close();
	});

	it("on a phone: back closes a sheet, a row menu works by keyboard, and a toast's Undo restores the archived client", async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const client = (await apiInPage(page, "POST", "/api/v1/clients", { name: "Acme Menus", tier: "standard" })) as {
			id: string;
			status: string;
		};
		await page.goto(tenantUrl(agency.slug, "/clients"));

		// The More sheet (a kit Sheet) closes with the phone's back button and the page stays.
		const sheet = page.getByRole("dialog", { name: "More" });
		await page.getByRole("button", { name: "More", exact: true }).click();
		await sheet.waitFor();
		await page.goBack();
		await sheet.waitFor({ state: "hidden" });
		expect(page.url()).toBe(tenantUrl(agency.slug, "/clients"));

		// The row's menu: ArrowDown opens on the first item, typeahead, Escape returns to the button.
		const trigger = page.getByRole("button", { name: "Actions for Acme Menus" });
		await trigger.focus();
		await page.keyboard.press("ArrowDown");
		const menu = page.getByRole("menu", { name: "Actions for Acme Menus" });
		await menu.waitFor();
		await expect.poll(() => focusedName(page)).toBe("Open");
		await page.keyboard.press("a");
		expect(await focusedName(page)).toBe("Archive");
		await page.keyboard.press("Home");
		expect(await focusedName(page)).toBe("Open");
		await page.keyboard.press("Escape");
		await menu.waitFor({ state: "hidden" });
		expect(await focusedName(page)).toBe("Actions for Acme Menus");
		expect(await trigger.getAttribute("aria-expanded")).toBe("false");

		// End then Enter archives; the toast's Undo restores it through the API.
		await page.keyboard.press("Enter");
		await menu.waitFor();
		await expect.poll(() => focusedName(page)).toBe("Open");
		await page.keyboard.press("End");
		await page.keyboard.press("Enter");
		const toast = page.getByRole("status").filter({ hasText: "Acme Menus archived." });
		await toast.waitFor();
		const statusOf = async () => ((await apiInPage(page, "GET", `/api/v1/clients/${client.id}`)) as { status: string }).status;
		expect(await statusOf()).toBe("archived");
		expect(await seriousA11yViolations(page)).toEqual([]);
		await toast.getByRole("button", { name: "Undo" }).click();
		// Back to the status it had before (a new client is still being set up), as the API restores it.
		await expect.poll(statusOf).toBe(client.status);
		expect(client.status).not.toBe("archived");
		await page.getByRole("button", { name: "Actions for Acme Menus" }).click();
		await page.getByRole("menuitem", { name: "Archive" }).waitFor();
		await context.close();
	});
});
