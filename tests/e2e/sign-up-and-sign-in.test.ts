/** An agency signs up on the platform, lands signed in on its own sub-domain, signs out and back in. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, platformUrl, tenantUrl, uniqueSlug } from "./browser";
import { mailsTo } from "./mailbox";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("agency sign-up", () => {
	it("signs up, lands on the sub-domain signed in, signs out, and signs in again", async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const slug = uniqueSlug("e2e");
		await page.goto(platformUrl("/"));
		await page.getByLabel("Agency name").fill("Lumen Creative");
		await page.getByLabel("Address").fill(slug);
		await page.getByLabel("Your name").fill("Lena Lumen");
		await page.getByLabel("Email").fill("lena@lumen.test");
		await page.getByLabel("Password").fill("a long enough passphrase");
		await page.getByRole("button", { name: "Create agency" }).click();

		await page.waitForURL(tenantUrl(slug, "/"));
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Lena");
		expect(page.url()).not.toContain("handoff");
		await expect.poll(() => page.getByRole("banner").textContent()).toContain("Lumen Creative");

		await page.getByRole("button", { name: "Sign out" }).click();
		await page.waitForURL(tenantUrl(slug, "/signin"));
		const me = await page.evaluate(async () => (await fetch("/api/v1/me")).status);
		expect(me).toBe(401);

		await page.getByLabel("Email").fill("lena@lumen.test");
		await page.getByLabel("Password").fill("a long enough passphrase");
		await page.getByRole("button", { name: "Sign in", exact: true }).click();
		// A sign-in runs Argon2id (~0.5 s alone); on a loaded machine the default 1 s poll is too tight.
		await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 10_000 }).toContain("Lena");

		const mails = await mailsTo("lena@lumen.test");
		expect(mails.map((m) => m.subject)).toContain("Welcome to Atrium, Lumen Creative");
		await context.close();
	});

	it("shows the taken address next to the field", async () => {
		const page = await browser.newPage();
		await page.goto(platformUrl("/signup"));
		await page.getByLabel("Agency name").fill("Copycat");
		await page.getByLabel("Address").fill("northwind");
		await page.getByLabel("Your name").fill("Cat");
		await page.getByLabel("Email").fill("cat@copy.test");
		await page.getByLabel("Password").fill("a long enough passphrase");
		await page.getByRole("button", { name: "Create agency" }).click();
		const address = page.getByLabel("Address");
		await expect.poll(() => address.getAttribute("aria-invalid")).toBe("true");
		const describedBy = (await address.getAttribute("aria-describedby")) ?? "";
		const message = await page.locator(`[id="${describedBy.split(" ")[0]}"]`).textContent();
		expect(message).toContain("already taken");
		expect(page.url()).toBe(platformUrl("/signup"));
		await page.close();
	});
});

describe("sign-in", () => {
	it("tells the user when the password is wrong and keeps them signed out", async () => {
		const page = await browser.newPage();
		await page.goto(tenantUrl("northwind", "/signin"));
		await page.getByLabel("Email").fill("owner@northwind.test");
		await page.getByLabel("Password").fill("not the password");
		await page.getByRole("button", { name: "Sign in", exact: true }).click();
		await expect.poll(() => page.getByRole("alert").first().textContent(), { timeout: 10_000 }).toContain("not right");
		expect(await page.evaluate(async () => (await fetch("/api/v1/me")).status)).toBe(401);
		await page.close();
	});

	it("sends a signed-out visitor of a protected page to sign-in", async () => {
		const page = await browser.newPage();
		await page.goto(tenantUrl("northwind", "/account"));
		await page.waitForURL((url) => url.pathname === "/signin");
		await page.close();
	});

	it("shows a 404 page for an unknown agency address", async () => {
		const page = await browser.newPage();
		const response = await page.goto(tenantUrl("no-such-agency", "/"));
		expect(response?.status()).toBe(404);
		expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("No agency at this address");
		await page.close();
	});
});
