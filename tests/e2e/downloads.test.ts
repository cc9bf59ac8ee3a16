/**
 * The download centre end to end: the agency delivers a file, the client picks it and a link on
 * the Deliverables page, asks for one zip, waits for it to be prepared by the job, and downloads it.
 */
import { unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_IDS } from "../../scripts/lib/demo-portal-seed";
import { downloadedBytes, launchBrowser, signInToNorthwind } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe("deliverables download centre", () => {
	it("lets a client select deliverables and download them as one zip", async () => {
		const name = `final-logo-${Date.now().toString(36)}.txt`;
		const staff = await (await browser.newContext()).newPage();
		await signInToNorthwind(staff, "staff@northwind.test");
		const created = await staff.evaluate(
			async ({ clientId, projectId, name }) => {
				const upload = await fetch(`/api/v1/clients/${clientId}/documents?name=${encodeURIComponent(name)}`, {
					method: "POST",
					headers: { "Content-Type": "text/plain" },
					body: "the final logo",
				});
				const doc = (await upload.json()) as { id: string };
				const res = await fetch("/api/v1/deliverables", {
					method: "POST",
					headers: { "Content-Type": "application/json" },
					body: JSON.stringify({ projectId, title: name, kind: "file", documentId: doc.id }),
				});
				return res.status;
			},
			{ clientId: DEMO_IDS.bakery, projectId: DEMO_IDS.project, name },
		);
		expect(created).toBe(201);

		const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
		await signInToNorthwind(page, "client@northwind.test");
		await page.getByRole("link", { name: "Deliverables" }).first().click();
		await page.getByRole("checkbox", { name }).check();
		await page.getByRole("checkbox", { name: "Homepage design" }).check();
		await page.getByRole("button", { name: "Download selected (2) as zip" }).click();
		const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download zip" }).first().click()]);
		expect(download.suggestedFilename()).toMatch(/^deliverables-\d{4}-\d{2}-\d{2}\.zip$/);
		const files = unzipSync(new Uint8Array(await downloadedBytes(download)));
		const paths = Object.keys(files);
		const file = paths.find((p) => p.endsWith(`/${name}`)) ?? "";
		expect(new TextDecoder().decode(files[file])).toBe("the final logo");
		const links = paths.find((p) => p.endsWith("/links.txt")) ?? "";
		expect(new TextDecoder().decode(files[links])).toBe("Homepage design\nhttps://www.figma.com/\n");
	});
});
