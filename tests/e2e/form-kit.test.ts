/**
 * The form kit (pwa/src/components/form-kit): a refusal from the API (application/problem+json with
 * `errors[].path`) shows each message beside the field it names, tied to it for screen readers, with
 * the keyboard moved there; the page's data does not change.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The ids an input's aria-describedby names. */
async function describedBy(page: Page, id: string): Promise<string[]> {
	return ((await page.locator(`#${id}`).getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
}

describe("form kit", () => {
	it("puts the server's field message beside the field it names, focused, and saves nothing", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInToNorthwind(page, "owner@northwind.test");

		// The role editor sends an empty name; the API answers 422 naming `name`.
		await page.goto(tenantUrl("northwind", "/settings/roles"));
		await page.getByRole("heading", { name: "New role" }).waitFor();
		await page.getByRole("button", { name: "Create role" }).click();
		const nameError = page.locator("#role-name-error");
		await nameError.waitFor();
		expect(await nameError.textContent()).toMatch(/^Name /);
		expect(await page.locator("#role-name").getAttribute("aria-invalid")).toBe("true");
		expect(await describedBy(page, "role-name")).toContain("role-name-error");
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("role-name");
		const formAlert = page.locator('form[aria-labelledby="role-form-heading"] [role="alert"]');
		expect(await formAlert.textContent()).toBe(await nameError.textContent());

		// A client with a website that is not an address: the API names `website`, the name stays valid.
		const name = `Form kit ${Date.now().toString(36)}`;
		await page.goto(tenantUrl("northwind", "/clients"));
		await page.getByRole("heading", { name: "Add a client" }).waitFor();
		await page.getByLabel("Name", { exact: true }).fill(name);
		await page.getByLabel("Website (optional)").fill("not a web address");
		await page.getByRole("button", { name: "Add client" }).click();
		const websiteError = page.locator("#client-website-error");
		await websiteError.waitFor();
		expect(await websiteError.textContent()).toMatch(/^Website /);
		expect(await describedBy(page, "client-website")).toContain("client-website-error");
		expect(await page.locator("#client-name").getAttribute("aria-invalid")).toBeNull();
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("client-website");
		const clients = (
			await page.evaluate(async () => (await (await fetch("/api/v1/clients?limit=100")).json()) as { clients: { name: string }[] })
		).clients;
		expect(clients.map((c) => c.name)).not.toContain(name);
		await context.close();
	});
});
