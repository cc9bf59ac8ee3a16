/**
 * Client support end to end: an admin publishes an announcement, the client sees its banner, opens
 * a ticket, staff replies from the queue, and the client sees the reply; then dismisses the banner.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, seriousA11yViolations, signInToNorthwind, tenantUrl } from "./browser";

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function person(email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInToNorthwind(page, email);
	return page;
}

describe("support", () => {
	it("a client sees an announcement, opens a ticket and reads the staff reply", { timeout: 120_000 }, async () => {
		const tag = Date.now().toString(36);
		const owner = await person("owner@northwind.test");
		await owner.goto(tenantUrl("northwind", "/announcements"));
		await owner.getByLabel("Title").fill(`Maintenance tonight ${tag}`);
		await owner.getByLabel("Message").fill("The portal may be slow after 22:00.");
		await owner.getByRole("button", { name: "Publish announcement" }).click();
		await owner.getByRole("heading", { name: `Maintenance tonight ${tag}` }).waitFor();

		const client = await person("client@northwind.test");
		const banner = client.getByRole("region", { name: "Announcements" }).getByText(`Maintenance tonight ${tag}`);
		await banner.waitFor();
		await client.goto(tenantUrl("northwind", "/support"));
		const subject = `Invoice PDF will not open ${tag}`;
		await client.getByLabel("Subject").fill(subject);
		await client.getByLabel("What do you need?").fill("The March invoice shows a blank page.");
		await client.getByRole("button", { name: "Open ticket" }).click();
		await client.getByRole("link", { name: subject }).click();
		await client.getByText("The March invoice shows a blank page.").waitFor();

		const staff = await person("staff@northwind.test");
		await staff.goto(tenantUrl("northwind", "/support"));
		await staff.getByRole("link", { name: subject }).click();
		await staff.getByRole("button", { name: "Assign to me" }).click();
		await staff.getByRole("button", { name: "Unassign me" }).waitFor();
		await staff.getByLabel("Your reply").fill("Fixed: please download it again.");
		await staff.getByRole("button", { name: "Send reply" }).click();
		await staff.getByText("Fixed: please download it again.").waitFor();

		await client.reload();
		await client.getByText("Fixed: please download it again.").waitFor();
		await client.getByText("Waiting on client").waitFor();
		expect(await seriousA11yViolations(client)).toEqual([]);

		await client.getByRole("button", { name: `Dismiss announcement: Maintenance tonight ${tag}` }).click();
		await banner.waitFor({ state: "detached" });
		await client.reload();
		await client.getByText("Fixed: please download it again.").waitFor();
		expect(await client.getByText(`Maintenance tonight ${tag}`).count()).toBe(0);
	});
});
