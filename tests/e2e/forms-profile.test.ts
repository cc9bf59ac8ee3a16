/**
 * Forms keep what the person types, and the profile drives the app's dates, walked through the PWA:
 * the brand form's data and a milestone's or a task's add are held back (route interception) while the
 * person types, and what they typed is still there when the late data lands; a person edits their
 * name, time zone, locale and avatar on the account page, a bad locale is refused beside its field,
 * and the app then writes dates in the chosen locale and zone.
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solidPng } from "../worker/png";
import { E2E_PASSWORD, signUpAgencyViaApi } from "./agencies";
import { apiInPage, launchBrowser, seriousA11yViolations, signInToNorthwind, signInWithPassword, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Holds the first request matching `url` (and `method`) until `release()` is called; then it goes to the server. */
async function holdRequest(page: Page, url: RegExp, method: string) {
	let release: () => void = () => undefined;
	const released = new Promise<void>((resolve) => {
		release = resolve;
	});
	let held: () => void = () => undefined;
	const arrived = new Promise<void>((resolve) => {
		held = resolve;
	});
	let first = true;
	await page.route(url, async (route: Route) => {
		if (!first || route.request().method() !== method) return route.continue();
		first = false;
		held();
		await released;
		await route.continue();
	});
	return { arrived, release };
}

describe("a form never overwrites what the person is typing", () => {
	it("keeps the agency name typed while the brand form's data was still on its way, and fills the fields not touched", async () => {
		// Service workers blocked: the page's own requests are the ones intercepted.
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInToNorthwind(page, "owner@northwind.test");
		const saved = (await apiInPage(page, "GET", "/api/v1/branding")) as { name: string; primaryColor: string };

		const branding = await holdRequest(page, /\/api\/v1\/branding$/, "GET");
		await page.goto(tenantUrl("northwind", "/settings/brand"));
		await branding.arrived;
		const name = page.getByLabel("Agency name");
		await name.fill("Typed before the brand arrived");
		const loaded = page.waitForResponse((res) => /\/api\/v1\/branding$/.test(res.url()) && res.request().method() === "GET");
		branding.release();
		await loaded;
		// The saved colour filled the field nobody touched; the name the person typed stayed.
		await expect.poll(() => page.locator("#primaryColor").inputValue()).toBe(saved.primaryColor);
		expect(await name.inputValue()).toBe("Typed before the brand arrived");
		await context.close();
	});

	it("keeps the next milestone typed while the last add (and the project reload after it) was on its way", async () => {
		const agency = await signUpAgencyViaApi("forms-ms", "Forms Milestones");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const client = (await apiInPage(page, "POST", "/api/v1/clients", { name: "Acme Bakery" })) as { id: string };
		const project = (await apiInPage(page, "POST", "/api/v1/projects", { clientId: client.id, name: "Spring site" })) as { id: string };

		await page.goto(tenantUrl(agency.slug, `/projects/${project.id}`));
		const title = page.getByLabel("New milestone");
		await title.fill("Wireframes");
		const add = await holdRequest(page, /\/api\/v1\/projects\/[^/]+\/milestones$/, "POST");
		await page.getByRole("button", { name: "Add milestone" }).click();
		await add.arrived;
		await title.fill("Visual design");
		add.release();
		await page.locator(".timeline .record-title", { hasText: "Wireframes" }).waitFor();
		// The add succeeded and the page reloaded the project: the next title the person typed is still there.
		await expect.poll(() => title.inputValue()).toBe("Visual design");
		await page.getByRole("button", { name: "Add milestone" }).click();
		await page.locator(".timeline .record-title", { hasText: "Visual design" }).waitFor();
		// Nothing typed since: this time the form empties for the next one.
		await expect.poll(() => title.inputValue()).toBe("");
		await context.close();
	});

	it("keeps the next task typed while the last add was on its way, and keeps the assignee chosen", async () => {
		const agency = await signUpAgencyViaApi("forms-task", "Forms Tasks");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		const client = (await apiInPage(page, "POST", "/api/v1/clients", { name: "Acme Bakery" })) as { id: string };
		const project = (await apiInPage(page, "POST", "/api/v1/projects", { clientId: client.id, name: "Spring site" })) as { id: string };

		await page.goto(tenantUrl(agency.slug, `/projects/${project.id}`));
		const title = page.getByLabel("New task");
		const form = page.getByRole("form", { name: "Add a task" });
		await form.getByLabel("Assign to").selectOption({ index: 1 });
		const chosen = await form.getByLabel("Assign to").inputValue();
		expect(chosen).not.toBe("");
		await title.fill("Write the brief");
		const add = await holdRequest(page, /\/api\/v1\/tasks$/, "POST");
		await page.getByRole("button", { name: "Add task" }).click();
		await add.arrived;
		await title.fill("Book the photographer");
		add.release();
		await page.locator(".record-title", { hasText: "Write the brief" }).waitFor();
		// The add landed and the project reloaded: the next title typed meanwhile is still there.
		await expect.poll(() => title.inputValue()).toBe("Book the photographer");
		expect(await form.getByLabel("Assign to").inputValue()).toBe(chosen);
		await page.getByRole("button", { name: "Add task" }).click();
		await page.locator(".record-title", { hasText: "Book the photographer" }).waitFor();
		await expect.poll(() => title.inputValue()).toBe("");
		await context.close();
	});
});

/** What the account page's status says dates now look like, for a moment `ms`. */
function tokyoBritish(ms: number): string {
	return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(ms);
}

describe("profile editing on the account page", () => {
	it("changes name, time zone, locale and avatar; a bad locale is refused beside its field; dates follow the profile", async () => {
		const agency = await signUpAgencyViaApi("forms-profile", "Forms Profile");
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInWithPassword(page, agency.slug, agency.ownerEmail, E2E_PASSWORD);
		await page.goto(tenantUrl(agency.slug, "/account"));

		const form = page.locator('form[aria-labelledby="profile-heading"]');
		await form.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
		await form.getByRole("combobox", { name: "Time zone" }).fill("tokyo");
		await form.getByRole("combobox", { name: "Time zone" }).press("Enter");
		await form.getByLabel("Language and region (optional)").fill("not a locale!");
		await form.getByRole("button", { name: "Save profile" }).click();
		const localeError = page.locator("#profile-locale-error");
		await localeError.waitFor();
		expect(await localeError.textContent()).toBe("Language and region must be a BCP-47 language tag such as en-GB or de-CH");
		expect(await page.locator("#profile-locale").getAttribute("aria-invalid")).toBe("true");
		// Refused as a whole: the name was not saved either.
		expect(((await apiInPage(page, "GET", "/api/v1/me")) as { user: { name: string } }).user.name).toBe("Test Owner");

		await form.getByLabel("Language and region (optional)").fill("en-GB");
		const before = Date.now();
		await form.getByRole("button", { name: "Save profile" }).click();
		const status = form.getByRole("status");
		await status.getByText("Saved.", { exact: false }).waitFor();
		const after = Date.now();
		// The app now writes dates in British English, in Tokyo time.
		const said = (await status.textContent()) ?? "";
		expect([tokyoBritish(before), tokyoBritish(after)].map((d) => `Saved. Dates now read like this: ${d}.`)).toContain(said);

		// After a reload the profile comes from the server, and the Security page's dates use it too.
		await page.reload();
		await expect.poll(() => form.getByLabel("Name", { exact: true }).inputValue()).toBe("Ada Lovelace");
		expect(await form.getByRole("combobox", { name: "Time zone" }).inputValue()).toBe("Asia/Tokyo");
		expect(await form.getByLabel("Language and region (optional)").inputValue()).toBe("en-GB");
		await page.goto(tenantUrl(agency.slug, "/account/security"));
		const signedIn = page.getByText(/signed in \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/).first();
		await signedIn.waitFor();

		// An avatar: any picture, made a square PNG in the browser and stored; then removed.
		await page.goto(tenantUrl(agency.slug, "/account"));
		await page.getByLabel("Choose a picture…").setInputFiles({
			name: "me.png",
			mimeType: "image/png",
			buffer: Buffer.from(await solidPng(300, 200, [200, 40, 40])),
		});
		const avatar = page.getByRole("img", { name: "Your avatar" });
		await avatar.waitFor();
		await expect.poll(() => avatar.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(256);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole("button", { name: "Remove avatar" }).click();
		await page.getByText("Avatar removed.").waitFor();
		expect(await avatar.count()).toBe(0);
		await context.close();
	});
});
