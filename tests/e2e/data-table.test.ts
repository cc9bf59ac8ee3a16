/**
 * The data table on a real page (Settings › Team › Invitations, in a fresh agency): a header sorts
 * the rows (aria-sort follows), a hidden column stays hidden after a reload, two selected rows are
 * revoked by the bulk action, and at phone width each row is a card of label/value pairs with no
 * horizontal scroll; the notification preferences (a grid of checkboxes in the same table) save a change.
 */
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const WAIT = { timeout: 15_000, interval: 100 };

/** The first cell (Email) of each body row, in the order shown. */
function emails(table: Locator): Promise<string[]> {
	return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td")[1]?.textContent?.trim() ?? ""));
}

describe("data table", () => {
	it("sorts, remembers hidden columns, runs a bulk action on selected rows and shows cards on a phone", async () => {
		const agency = await signUpAgencyViaApi("dtable", "Table Works");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const [a, b, c] = ["ada", "bo", "cy"].map((name) => `${name}@${agency.slug}.test`);
		for (const email of [b, c, a]) await apiInPage(page, "POST", "/api/v1/invitations", { email, role: "client" });

		await page.goto(tenantUrl(agency.slug, "/settings/team"));
		const table = page.getByRole("table", { name: "Open invitations" });
		await expect.poll(() => table.locator("tbody tr").count(), WAIT).toBe(3);

		// Sort by Email: ascending, then descending; aria-sort says which.
		const emailHeader = table.getByRole("columnheader", { name: "Email" });
		expect(await emailHeader.getAttribute("aria-sort")).toBe("none");
		await emailHeader.getByRole("button").click();
		expect(await emailHeader.getAttribute("aria-sort")).toBe("ascending");
		expect(await emails(table)).toEqual([a, b, c]);
		await emailHeader.getByRole("button").click();
		expect(await emailHeader.getAttribute("aria-sort")).toBe("descending");
		expect(await emails(table)).toEqual([c, b, a]);

		// Hide Expires from the Columns menu, by keyboard; the item stays in the open menu, unticked, and the
		// choice outlives a reload.
		const columns = page.getByRole("button", { name: "Columns of Open invitations" });
		await columns.focus();
		await page.keyboard.press("ArrowDown");
		const expires = page.getByRole("menuitemcheckbox", { name: "Show the Expires column" });
		expect(await expires.getAttribute("aria-checked")).toBe("true");
		await expires.focus();
		await page.keyboard.press("Enter");
		await expect.poll(() => expires.getAttribute("aria-checked")).toBe("false");
		expect(await table.getByRole("columnheader", { name: "Expires" }).count()).toBe(0);
		await page.keyboard.press("Escape");
		await expect.poll(() => page.getByRole("menu").count()).toBe(0);
		expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-haspopup"))).toBe("menu");
		await page.reload();
		await expect.poll(() => table.locator("tbody tr").count(), WAIT).toBe(3);
		expect(await table.getByRole("columnheader", { name: "Expires" }).count()).toBe(0);
		expect(await table.getByRole("columnheader", { name: "Status" }).count()).toBe(1);

		// Select two and revoke them together.
		await page.getByRole("checkbox", { name: `Select ${a}` }).check();
		await page.getByRole("checkbox", { name: `Select ${c}` }).check();
		await page.getByRole("status").filter({ hasText: "2 selected" }).waitFor();
		await page.getByRole("button", { name: "Revoke selected" }).click();
		await page.getByRole("status").filter({ hasText: "2 invitations were revoked." }).waitFor(WAIT);
		await expect.poll(() => emails(table), WAIT).toEqual([b]);
		const open = (await apiInPage(page, "GET", "/api/v1/invitations")) as { invitations: { email: string; status: string }[] };
		expect(open.invitations.filter((i) => i.status === "pending").map((i) => i.email)).toEqual([b]);

		// A phone: the row is a card of label/value pairs, nothing scrolls sideways.
		await page.setViewportSize({ width: 360, height: 780 });
		const cell = table.locator("tbody td[data-label='Status']").first();
		expect(await cell.evaluate((td) => [getComputedStyle(td).display, getComputedStyle(td, "::before").content])).toEqual([
			"grid",
			'"Status"',
		]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		expect(await seriousA11yViolations(page)).toEqual([]);

		// A form grid in the same table (notification preferences), on the phone: one card per event, each
		// box named by its event and channel; a change is saved and shown again after a reload.
		await page.goto(tenantUrl(agency.slug, "/notifications"));
		const replyByEmail = page.getByRole("checkbox", { name: "A reply on a support ticket: Email" });
		await expect.poll(() => replyByEmail.isChecked(), WAIT).toBe(true);
		await replyByEmail.uncheck();
		await expect
			.poll(async () => {
				const prefs = (await apiInPage(page, "GET", "/api/v1/notifications/preferences")) as {
					preferences: Record<string, Record<string, boolean>>;
				};
				return prefs.preferences.ticket_reply?.email;
			}, WAIT)
			.toBe(false);
		await page.reload();
		await expect.poll(() => replyByEmail.isChecked(), WAIT).toBe(false);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await context.close();
	});
});
