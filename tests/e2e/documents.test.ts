/**
 * Documents end to end: a client's person uploads a file (with a progress bar), uploads the same
 * name again (version 2), restores version 1, creates a share link, and someone with no account
 * downloads it in a fresh browser.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadedBytes, launchBrowser, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("documents", () => {
	it("uploads with progress, versions by name, restores, and shares a link that works without signing in", async () => {
		const page = await (await browser.newContext()).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		await page.goto(tenantUrl("northwind", "/documents"));
		const name = `brief-${Date.now().toString(36)}.txt`;
		const picker = page.getByLabel(/Choose a file to upload/);
		await picker.setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from("first version") });
		const bar = page.getByRole("progressbar", { name: `Uploading ${name}` });
		await bar.waitFor();
		await page
			.getByRole("progressbar", { name: `Uploading ${name}` })
			.and(page.locator('[aria-valuenow="100"]'))
			.waitFor();
		const item = page.getByRole("listitem").filter({ has: page.getByRole("button", { name, exact: true }) });
		await item.getByText("version 1").waitFor();

		await picker.setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from("second version, longer") });
		await item.getByText("version 2").waitFor();

		await page.getByRole("button", { name, exact: true }).click();
		await page.getByRole("button", { name: "Restore version 1" }).click();
		await page.getByText("Version 3 (current)").waitFor();

		await page.getByLabel("Link works for (hours)").fill("2");
		await page.getByRole("button", { name: "Create share link" }).click();
		const link = await page.getByLabel("New link (copy it now)").inputValue();
		expect(link).toContain("/s/");

		const stranger = await (await browser.newContext({ acceptDownloads: true })).newPage();
		await stranger.goto(link);
		await stranger.getByRole("heading", { name }).waitFor();
		const [download] = await Promise.all([stranger.waitForEvent("download"), stranger.getByRole("link", { name: "Download" }).click()]);
		expect(download.suggestedFilename()).toBe(name);
		expect((await downloadedBytes(download)).toString("utf8")).toBe("first version");
	});
});
