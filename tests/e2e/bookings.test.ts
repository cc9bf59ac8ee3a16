/** Bookings in the browser: a client books a free time in their own zone and sees it; the agency sees it too; both pages pass axe. */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiInPage, launchBrowser, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function signedIn(email: string, timezoneId: string): Promise<Page> {
	const page = await (await browser.newContext({ timezoneId })).newPage();
	page.setDefaultTimeout(15_000);
	await signInToNorthwind(page, email);
	return page;
}

describe("bookings", () => {
	// Two sign-ins and two axe scans on a busy 2-core machine: more than the default minute.
	it("a client books a call at a free time and sees it; the agency sees it in its bookings", { timeout: 150_000 }, async () => {
		const staff = await signedIn("staff@northwind.test", "Europe/Berlin");
		const me = (await apiInPage(staff, "GET", "/api/v1/me")) as { user: { id: string } };
		const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "08:00", end: "18:00" }));
		await apiInPage(staff, "PUT", `/api/v1/staff-availability/${me.user.id}`, { timeZone: "Europe/Berlin", weekly, exceptions: [] });
		const typeName = `Strategy call ${Date.now().toString(36)}`;
		await apiInPage(staff, "POST", "/api/v1/booking-types", {
			name: typeName,
			kind: "consultation",
			durationMinutes: 30,
			minNoticeMinutes: 24 * 60,
			tiers: ["premium"],
			hostUserIds: [me.user.id],
		});

		// The client is in New York: Berlin's 08:00–18:00 shows as 02:00 or 03:00 onwards, depending on DST.
		const client = await signedIn("client@northwind.test", "America/New_York");
		await client.goto(tenantUrl("northwind", "/bookings"));
		await client.getByRole("heading", { name: "Book a call", level: 1 }).waitFor();
		await client.getByLabel(new RegExp(typeName)).check();
		await client.getByText("Times are shown in your time zone (America/New_York).").waitFor();
		// The second day starts at the window's opening (the first is cut by the 24-hour notice).
		const firstDay = client.locator(".slot-day").nth(1);
		const slot = firstDay.getByRole("button").first();
		const time = (await slot.textContent()) ?? "";
		expect(["02:00", "03:00"]).toContain(time);
		await slot.click();
		expect(await slot.getAttribute("aria-pressed")).toBe("true");
		await client.getByLabel("What would you like to talk about? (optional)").fill("Our spring campaign");
		await client.getByRole("button", { name: "Book this time" }).click();
		await client
			.getByRole("status")
			.filter({ hasText: `Booked: ${typeName}` })
			.waitFor();
		const mine = client.getByRole("listitem").filter({ hasText: typeName });
		await mine.waitFor();
		expect(await mine.textContent()).toContain(time);
		expect(await seriousA11yViolations(client)).toEqual([]);

		await staff.goto(tenantUrl("northwind", "/bookings"));
		const theirs = staff.getByRole("listitem").filter({ hasText: typeName });
		await theirs.waitFor();
		expect(await theirs.textContent()).toContain("Acme Bakery");
		expect(await seriousA11yViolations(staff)).toEqual([]);
	});
});
