/**
 * The form kit's checks and pickers, walked through the PWA by a new agency's owner: the profile's
 * time zone is found in the combobox by typing and the keyboard; on Announcements a field left empty
 * says so at once (client-side), the API's 422 lands beside the field it names with the keyboard
 * on it, and a start picked in the person's zone (not the browser's) is saved as that instant and
 * shown back the same.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("form kit: inline checks, server errors by field, combobox, zoned date-time", () => {
	it("finds a time zone by typing, checks a field on leaving it, puts the 422 beside its field and saves a date in the person's zone", async () => {
		const agency = await signUpAgencyViaApi("form-pickers", "Form Pickers");
		// The browser is in UTC: a picker reading the device's zone would save 12:00 UTC.
		const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US" });
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/account"));

		// Combobox: type part of a city, move with the arrows, choose with Enter.
		const zone = page.getByRole("combobox", { name: "Time zone" });
		await zone.fill("new york");
		const option = page.getByRole("option", { name: "America/New_York" });
		await option.waitFor();
		await zone.press("ArrowDown");
		await zone.press("ArrowUp");
		expect(await zone.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
		expect(await option.getAttribute("aria-selected")).toBe("true");
		await zone.press("Enter");
		expect(await zone.inputValue()).toBe("America/New_York");
		expect(await zone.getAttribute("aria-expanded")).toBe("false");
		await page.getByRole("button", { name: "Save profile" }).click();
		await page.getByRole("status").getByText("Saved.", { exact: false }).waitFor();

		await page.goto(tenantUrl(agency.slug, "/announcements"));
		const title = page.getByLabel("Title", { exact: true });
		// Leaving an empty required field says so beside it, before anything is sent.
		await title.focus();
		await title.press("Tab");
		const titleError = page.locator("#announcement-title-error");
		await titleError.waitFor();
		expect(await titleError.textContent()).toBe("Title is required");
		expect(await title.getAttribute("aria-invalid")).toBe("true");
		await title.fill("Spring schedule");
		await expect.poll(() => titleError.count()).toBe(0);
		await page.getByRole("textbox", { name: "Message" }).fill("Opening hours change on Monday.");

		// 12:00 New York time on 14 March 2027 (EDT, a week after the clocks change); the end before it.
		const start = page.getByLabel("Starts (optional)");
		const end = page.getByLabel("Ends (optional)");
		await start.fill("2027-03-14T12:00");
		await end.fill("2027-03-14T09:00");
		await page.getByRole("button", { name: "Publish announcement" }).click();
		const endError = page.locator("#announcement-end-error");
		await endError.waitFor();
		expect(await endError.textContent()).toBe("Ends must be after startsAt");
		expect(await end.getAttribute("aria-describedby")).toContain("announcement-end-error");
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("announcement-end");
		expect(((await apiInPage(page, "GET", "/api/v1/announcements")) as { announcements: unknown[] }).announcements).toEqual([]);

		await end.fill("2027-03-15T09:00");
		await page.getByRole("button", { name: "Publish announcement" }).click();
		await page.getByText("Published: Spring schedule").waitFor();
		const saved = (await apiInPage(page, "GET", "/api/v1/announcements")) as { announcements: { startsAt: number; endsAt: number }[] };
		expect(saved.announcements.map((a) => [a.startsAt, a.endsAt])).toEqual([[Date.UTC(2027, 2, 14, 16, 0), Date.UTC(2027, 2, 15, 13, 0)]]);
		// Shown back in the person's zone: the same 12:00 that was picked.
		const shown = await page.evaluate(() => {
			const f = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
			return `from ${f.format(Date.UTC(2027, 2, 14, 16))} to ${f.format(Date.UTC(2027, 2, 15, 13))}`;
		});
		expect(shown).toContain("12:00");
		await page.getByText(shown, { exact: false }).waitFor();
		await context.close();
	});
});
